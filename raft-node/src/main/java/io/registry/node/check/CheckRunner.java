package io.registry.node.check;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check on the shared scheduler: no thread of its own. The first run comes after a
 * random delay in [0, interval) so that many checks do not fire together; later runs start one
 * interval after the previous start, or at once when a probe took longer than that. The next
 * run is only scheduled when the previous one finished, so one check never runs twice at once.
 */
public final class CheckRunner {
  /** Receives the results that passed the thresholds, on whatever thread finished the probe. */
  public interface Listener {
    void result(CheckRunner runner, CheckResult result);
  }

  private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

  private final String checkId;
  private final RunnerConfig config;
  private final ProbeSpec spec;
  private final Probe probe;
  private final StatusThresholds thresholds;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Listener listener;
  /** The pending run; guarded by this. */
  private ScheduledFuture<?> next;
  /** Guarded by this; once set no run starts and no result is reported. */
  private boolean stopped;

  CheckRunner(
      String checkId,
      RunnerConfig config,
      Probe probe,
      Clock clock,
      ScheduledExecutorService scheduler,
      Listener listener) {
    this.checkId = checkId;
    this.config = config;
    this.spec = config.probe();
    this.probe = probe;
    this.thresholds = config.thresholds();
    this.clock = clock;
    this.scheduler = scheduler;
    this.listener = listener;
  }

  public String checkId() {
    return checkId;
  }

  public RunnerConfig config() {
    return config;
  }

  /** Schedules the first run after a jitter drawn from random. */
  synchronized void start(RandomGenerator random) {
    long interval = spec.interval().toMillis();
    schedule(interval <= 1 ? 0 : random.nextLong(interval));
  }

  /** Cancels the pending run; a probe under way finishes but its result is dropped. */
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      if (next != null) {
        next.cancel(false);
      }
    }
    try {
      probe.close();
    } catch (RuntimeException e) {
      log.debug("Closing the probe of {} failed: {}", checkId, e.toString());
    }
  }

  private void runOnce() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      next = null;
    }
    long startedAt = clock.millis();
    CompletableFuture<CheckResult> f;
    try {
      f = probe.run();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((r, e) -> finished(startedAt, r, e));
  }

  private void finished(long startedAt, CheckResult r, Throwable e) {
    try {
      CheckResult result = e == null && r != null
          ? r
          : CheckResult.critical("Check failed: " + (e == null ? "no result" : e));
      CheckResult shown = thresholds.apply(result);
      if (shown != null && !isStopped()) {
        listener.result(this, shown);
      }
    } catch (RuntimeException ex) {
      // The next run must be scheduled whatever the listener did.
      log.warn("Handling the result of check {} failed", checkId, ex);
    } finally {
      long wait = startedAt + spec.interval().toMillis() - clock.millis();
      synchronized (this) {
        schedule(Math.max(0, wait));
      }
    }
  }

  private synchronized boolean isStopped() {
    return stopped;
  }

  /** Guarded by this. */
  private void schedule(long delayMs) {
    if (stopped) {
      return;
    }
    try {
      next = scheduler.schedule(this::runOnce, delayMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The agent is shutting down; its close stops us anyway.
      stopped = true;
    }
  }

  @Override
  public String toString() {
    return "CheckRunner[" + checkId + " " + spec.kind() + " every " + spec.interval() + "]";
  }
}
