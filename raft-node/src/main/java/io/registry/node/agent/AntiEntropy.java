package io.registry.node.agent;

import io.registry.catalog.model.Service;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic half of anti-entropy: retries failed pushes every SYNC_INTERVAL, and runs the
 * full compare ({@link CatalogCompare}) every antiEntropyInterval plus a random stagger, once
 * soon after start, and whenever the owner asks (a client agent that regained contact with
 * the servers). One compare at a time; each ends with a push of what it marked.
 *
 * <p>The first compare after start waits for the config files (or for a short grace when
 * none are applied), so that file services not yet re-registered are not taken for strays.
 * Until it succeeded, services with EnableTagOverride are held back from pushing: the
 * catalog's tags, which may have been edited while the agent was down, must win.
 */
final class AntiEntropy {
  private static final Logger log = LoggerFactory.getLogger(AntiEntropy.class);
  /** How often entries whose push failed are pushed again. */
  static final Duration SYNC_INTERVAL = Duration.ofSeconds(30);
  /** The longest the first compare waits for the config files to be applied. */
  static final Duration STARTUP_GRACE = Duration.ofSeconds(5);
  /** Until one compare succeeded, a failed one is retried this soon. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);

  private final Object lock;
  /** Guarded by lock. */
  private final LocalEntries entries;
  private final CatalogSync sync;
  private final CatalogReader reader;
  /** Whether a check's output waits for its batch; called under lock. */
  private final Predicate<String> outputDeferred;
  private final ScheduledExecutorService scheduler;
  private final Supplier<AgentOptions> options;
  private final RandomGenerator random;
  /** Guarded by lock: a compare succeeded since start. */
  private boolean compared;
  /** Guarded by lock: the last compare found no catalog row for this node. */
  private boolean nodeAbsent;
  /** Guarded by this: the retries of failed pushes. */
  private ScheduledFuture<?> retries;
  /** Guarded by this: the next scheduled compare. */
  private ScheduledFuture<?> next;
  /** Guarded by this: the compare under way, which later callers share. */
  private CompletableFuture<CatalogCompare.Outcome> running;
  /** Guarded by this: the first compare was started. */
  private boolean firstStarted;
  /** Guarded by this. */
  private boolean closed;

  AntiEntropy(Object lock, LocalEntries entries, CatalogSync sync, CatalogReader reader,
      Predicate<String> outputDeferred, ScheduledExecutorService scheduler,
      Supplier<AgentOptions> options, RandomGenerator random) {
    this.lock = lock;
    this.entries = entries;
    this.sync = sync;
    this.reader = reader;
    this.outputDeferred = outputDeferred;
    this.scheduler = scheduler;
    this.options = options;
    this.random = random;
  }

  /**
   * Starts the push retries and schedules the first compare; the config files may bring
   * that forward (filesApplied).
   */
  void start() {
    long period = SYNC_INTERVAL.toMillis();
    synchronized (this) {
      retries = scheduler.scheduleWithFixedDelay(this::retryPush, period, period,
          TimeUnit.MILLISECONDS);
    }
    if (reader.enabled()) {
      schedule(STARTUP_GRACE);
    }
  }

  /** The config files were applied: the first compare need not wait any longer. */
  void filesApplied() {
    synchronized (this) {
      if (firstStarted) {
        return;
      }
    }
    runNow();
  }

  /** Whether a push must leave this service alone for now. Under lock. */
  boolean holds(Service service) {
    return service.enableTagOverride() && reader.enabled() && !compared;
  }

  /**
   * Compares now (or joins the compare under way) and pushes what it marked. Completes with
   * what the compare changed; exceptionally when the catalog could not be read.
   */
  CompletableFuture<CatalogCompare.Outcome> runNow() {
    CompletableFuture<CatalogCompare.Outcome> mine = new CompletableFuture<>();
    synchronized (this) {
      if (closed || !reader.enabled()) {
        return CompletableFuture.completedFuture(CatalogCompare.Outcome.NONE);
      }
      if (running != null) {
        return running;
      }
      running = mine;
      firstStarted = true;
      if (next != null) {
        next.cancel(false);
        next = null;
      }
    }
    CompletableFuture<NodeRows> rows;
    try {
      rows = reader.rows().get();
    } catch (RuntimeException e) {
      rows = CompletableFuture.failedFuture(e);
    }
    rows.whenComplete((r, e) -> finish(mine, r, e));
    return mine;
  }

  private void finish(CompletableFuture<CatalogCompare.Outcome> mine, NodeRows rows,
      Throwable error) {
    CatalogCompare.Outcome outcome = null;
    Throwable failure = error;
    try {
      if (failure == null) {
        boolean newlyAbsent;
        synchronized (lock) {
          outcome = CatalogCompare.run(entries, reader, rows, outputDeferred);
          compared = true;
          newlyAbsent = !rows.nodeExists() && !nodeAbsent;
          nodeAbsent = !rows.nodeExists();
        }
        if (newlyAbsent) {
          log.warn("Anti-entropy: this node is not in the catalog (left, reaped or deregistered);"
              + " its services are not registered again until membership restores the node");
        } else if (outcome.resynced() + outcome.strays() + outcome.tagsAdopted() > 0) {
          log.info("Anti-entropy: {} entries out of sync, {} strays to deregister, tags of {}"
              + " services adopted from the catalog", outcome.resynced(), outcome.strays(),
              outcome.tagsAdopted());
        }
        sync.pushPending();
      } else {
        // Expected while no server answers; local state is kept and the next run retries.
        log.debug("Anti-entropy could not read the catalog: {}", failure.toString());
      }
    } catch (RuntimeException e) {
      log.warn("Anti-entropy failed", e);
      failure = e;
    } finally {
      boolean ok = failure == null;
      Duration interval = options.get().antiEntropyInterval();
      synchronized (this) {
        running = null;
      }
      schedule(ok || everCompared() ? interval : shorter(interval, FIRST_RETRY));
      if (ok) {
        mine.complete(outcome);
      } else {
        mine.completeExceptionally(failure);
      }
    }
  }

  synchronized void close() {
    closed = true;
    if (retries != null) {
      retries.cancel(false);
    }
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  private void retryPush() {
    try {
      sync.pushPending();
    } catch (RuntimeException e) {
      // An escaping exception would cancel the periodic task for good.
      log.warn("Periodic catalog sync failed", e);
    }
  }

  private boolean everCompared() {
    synchronized (lock) {
      return compared;
    }
  }

  /** Plus a stagger of up to a quarter, so agents started together spread their reads. */
  private void schedule(Duration base) {
    long ms = base.toMillis();
    long delay;
    synchronized (lock) {
      // The agent's random source is shared with the check runners under this lock.
      delay = ms + random.nextLong(ms / 4 + 1);
    }
    synchronized (this) {
      if (closed || running != null) {
        return;
      }
      if (next != null) {
        next.cancel(false);
      }
      Runnable run = this::runNow;
      next = scheduler.schedule(run, delay, TimeUnit.MILLISECONDS);
    }
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
