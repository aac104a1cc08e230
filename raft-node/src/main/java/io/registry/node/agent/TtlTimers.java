package io.registry.node.agent;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of the agent's TTL checks. Guarded by the agent's lock. A deadline is an epoch-ms
 * instant of the injected clock; the scheduler only wakes us up, so a wake-up that comes
 * early (or a stale one, recognised by its token) never expires a check.
 */
final class TtlTimers {
  /** Called, without the lock, when a timer may be due; the agent then calls claim. */
  interface Due {
    void due(String checkId, long token);
  }

  private static final class Timer {
    /** Epoch ms at which the check expires. */
    long deadline;
    /** Identifies the one scheduled wake-up that may still expire this check. */
    long token;
    /** The output of the last update, quoted by the expiry text. */
    String lastOutput = "";
    /** Pending wake-up; null once expired. */
    ScheduledFuture<?> future;
  }

  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Due due;
  private final Map<String, Timer> timers = new HashMap<>();
  private long nextToken;
  private boolean closed;

  TtlTimers(Clock clock, ScheduledExecutorService scheduler, Due due) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.due = due;
  }

  /** An update: the check holds until deadline, and expiry will quote this output. */
  void update(String checkId, long deadline, String lastOutput) {
    Timer t = timers.computeIfAbsent(checkId, k -> new Timer());
    t.lastOutput = lastOutput == null ? "" : lastOutput;
    arm(checkId, t, deadline);
  }

  /** A (re-)registration: a new deadline; the last output quoted on expiry is kept. */
  void start(String checkId, long deadline) {
    arm(checkId, timers.computeIfAbsent(checkId, k -> new Timer()), deadline);
  }

  void remove(String checkId) {
    Timer t = timers.remove(checkId);
    if (t != null) {
      cancel(t);
    }
  }

  /**
   * Whether the wake-up identified by token expires the check now. An early wake-up is
   * re-scheduled for the rest of the time; a superseded one is ignored.
   */
  boolean claim(String checkId, long token) {
    Timer t = timers.get(checkId);
    if (t == null || t.future == null || t.token != token) {
      return false;
    }
    long left = t.deadline - clock.millis();
    if (left > 0) {
      schedule(checkId, t, left);
      return false;
    }
    t.future = null;
    return true;
  }

  String lastOutput(String checkId) {
    Timer t = timers.get(checkId);
    return t == null ? "" : t.lastOutput;
  }

  long deadline(String checkId) {
    Timer t = timers.get(checkId);
    return t == null ? clock.millis() : t.deadline;
  }

  void close() {
    closed = true;
    timers.values().forEach(TtlTimers::cancel);
  }

  private void arm(String checkId, Timer t, long deadline) {
    t.deadline = deadline;
    schedule(checkId, t, Math.max(0, deadline - clock.millis()));
  }

  private void schedule(String checkId, Timer t, long delayMs) {
    cancel(t);
    long token = ++nextToken;
    t.token = token;
    if (closed) {
      return;
    }
    t.future =
        scheduler.schedule(() -> due.due(checkId, token), delayMs, TimeUnit.MILLISECONDS);
  }

  private static void cancel(Timer t) {
    if (t.future != null) {
      t.future.cancel(false);
      t.future = null;
    }
  }
}
