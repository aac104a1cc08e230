package io.registry.node.agent;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.GoDuration;
import io.registry.node.check.CheckResult;
import io.registry.node.check.CheckRunner;
import io.registry.node.check.CheckRunners;
import io.registry.node.check.RunnerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of active checks: starts and stops runners as checks come and go, turns
 * their results into local state, batches output-only changes, and reaps services whose
 * check stayed critical past DeregisterCriticalServiceAfter. Everything but the callbacks
 * runs under the agent's lock; the callbacks take it themselves.
 *
 * <p>Batching (§4.4): a status change is pushed at once, and so is the first output after a
 * registration or a status change; later output-only changes are kept locally (the API shows
 * them) and pushed together at most once per checkUpdateInterval.
 */
final class CheckSupervisor implements AutoCloseable {
  /** How often the reaper looks for services to deregister (Consul's period). */
  static final Duration REAP_INTERVAL = Duration.ofSeconds(30);
  /** DeregisterCriticalServiceAfter below this is raised to it. */
  static final Duration MIN_DEREGISTER_AFTER = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(CheckSupervisor.class);

  private final Object lock;
  private final LocalEntries entries;
  private final CatalogSync sync;
  private final CheckRunners runners;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  // Read at each use: a config reload swaps the agent's options.
  private final Supplier<AgentOptions> options;
  /** Deregisters a service; called without the lock. */
  private final Consumer<String> reaper;
  /** Checks whose output reached the catalog since registration or the last status change. */
  private final Set<String> outputSent = new HashSet<>();
  /** Pending pushes of batched output, by check ID. */
  private final Map<String, ScheduledFuture<?>> deferred = new HashMap<>();
  /** Epoch ms at which each critical check became critical. */
  private final Map<String, Long> criticalSince = new HashMap<>();
  private ScheduledFuture<?> reapTask;

  CheckSupervisor(
      Object lock, LocalEntries entries, CatalogSync sync, CheckRunners runners, Clock clock,
      ScheduledExecutorService scheduler, Supplier<AgentOptions> options, Consumer<String> reaper) {
    this.lock = lock;
    this.entries = entries;
    this.sync = sync;
    this.runners = runners;
    this.clock = clock;
    this.scheduler = scheduler;
    this.options = options;
    this.reaper = reaper;
  }

  /** Starts the reaper. Under the lock. */
  void start() {
    long period = REAP_INTERVAL.toMillis();
    reapTask = scheduler.scheduleWithFixedDelay(this::reap, period, period,
        TimeUnit.MILLISECONDS);
  }

  /**
   * A check was registered, replaced or restored (entries already hold it). A check whose
   * runner config is unchanged keeps its runner, counters and batching state. Under the lock.
   */
  void added(LocalCheck check, RegistrationSource from) {
    statusSeen(check);
    if (check.probe() == null) {
      stopRunner(check.id());
      return;
    }
    if ("script".equals(check.probe().kind()) && !AgentValidator.scriptsAllowed(options.get(), from)) {
      // Only restored checks get here: registrations were refused already.
      log.warn("Not running script check {}: script checks are disabled", check.id());
      stopRunner(check.id());
      return;
    }
    int cap = Math.min(check.outputMaxSize(), options.get().checkOutputMaxSize());
    RunnerConfig config = new RunnerConfig(check.probe(), cap, check.successBeforePassing(),
        check.failuresBeforeWarning(), check.failuresBeforeCritical());
    if (runners.start(check.id(), config, this::result)) {
      forgetOutput(check.id());
    }
  }

  /** A check is gone (deregistered, or its service). Under the lock. */
  void removed(String checkId) {
    stopRunner(checkId);
    criticalSince.remove(checkId);
  }

  /** Any status change made elsewhere (TTL updates and expiry). Under the lock. */
  void statusSeen(LocalCheck check) {
    if (Check.CRITICAL.equals(check.row().status())) {
      criticalSince.putIfAbsent(check.id(), clock.millis());
    } else {
      criticalSince.remove(check.id());
    }
  }

  /** When each critical service check's service will be reaped, by check ID. Under the lock. */
  Map<String, Instant> deregisterAt() {
    Map<String, Instant> out = new TreeMap<>();
    criticalSince.forEach((id, since) -> {
      LocalCheck c = entries.check(id);
      Duration after = c == null ? null : deregisterAfter(c);
      if (after != null) {
        out.put(id, Instant.ofEpochMilli(since).plus(after));
      }
    });
    return out;
  }

  int running() {
    return runners.size();
  }

  @Override
  public void close() {
    if (reapTask != null) {
      reapTask.cancel(false);
    }
    deferred.values().forEach(f -> f.cancel(false));
    deferred.clear();
    runners.close();
  }

  private void stopRunner(String checkId) {
    runners.stop(checkId);
    forgetOutput(checkId);
  }

  private void forgetOutput(String checkId) {
    outputSent.remove(checkId);
    ScheduledFuture<?> f = deferred.remove(checkId);
    if (f != null) {
      f.cancel(false);
    }
  }

  /** A runner's result, on the thread that finished its probe. */
  private void result(CheckRunner runner, CheckResult r) {
    synchronized (lock) {
      LocalCheck check = runners.isCurrent(runner) ? entries.check(runner.checkId()) : null;
      if (check == null) {
        return;
      }
      String output = options.get().discardCheckOutput() ? "" : r.output();
      boolean statusChanged = !r.status().equals(check.row().status());
      if (!statusChanged && output.equals(check.row().output())) {
        return;
      }
      LocalCheck next = check.withState(r.status(), output);
      boolean batch = !statusChanged && outputSent.contains(check.id())
          && options.get().checkUpdateInterval() != null
          && options.get().checkUpdateInterval().isPositive();
      if (batch) {
        entries.putCheckQuietly(next);
        deferred.computeIfAbsent(check.id(), id -> scheduler.schedule(() -> flush(id),
            options.get().checkUpdateInterval().toMillis(), TimeUnit.MILLISECONDS));
        return;
      }
      if (statusChanged) {
        log.info("Check {} is now {}", check.id(), r.status());
      }
      forgetOutput(check.id());
      outputSent.add(check.id());
      entries.putCheckState(next);
      statusSeen(next);
    }
    sync.pushPending();
  }

  /** Whether the check's latest output waits for its batch interval. Under the lock. */
  boolean outputDeferred(String checkId) {
    return deferred.containsKey(checkId);
  }

  /** The batch interval is over: push the check's latest output. */
  private void flush(String checkId) {
    synchronized (lock) {
      deferred.remove(checkId);
      LocalCheck check = entries.check(checkId);
      if (check == null) {
        return;
      }
      entries.putCheckState(check);
    }
    sync.pushPending();
  }

  private void reap() {
    List<String> doomed = new ArrayList<>();
    synchronized (lock) {
      long now = clock.millis();
      Set<String> services = new LinkedHashSet<>();
      deregisterAt().forEach((id, at) -> {
        if (!at.isAfter(Instant.ofEpochMilli(now))) {
          services.add(entries.check(id).serviceId());
        }
      });
      doomed.addAll(services);
    }
    for (String serviceId : doomed) {
      try {
        log.info("Deregistering service {}: its check stayed critical past"
            + " DeregisterCriticalServiceAfter", serviceId);
        reaper.accept(serviceId);
      } catch (RuntimeException e) {
        // Already gone, or the disk refused: the next pass tries again.
        log.warn("Reaping service {} failed: {}", serviceId, e.getMessage());
      }
    }
  }

  /** The check's DeregisterCriticalServiceAfter (at least a minute), or null when unset. */
  private static Duration deregisterAfter(LocalCheck c) {
    String text = c.row().definition().deregisterCriticalServiceAfter();
    if (c.serviceId().isEmpty() || text.isEmpty()) {
      return null;
    }
    Duration d;
    try {
      d = GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!d.isPositive()) {
      return null;
    }
    return d.compareTo(MIN_DEREGISTER_AFTER) < 0 ? MIN_DEREGISTER_AFTER : d;
  }
}
