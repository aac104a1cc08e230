package io.registry.node.agent;

import io.registry.catalog.model.Check;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's TTL checks: their timers, the application's pass/warn/fail updates, expiry,
 * and resuming a saved state after a restart. Guarded by the agent's lock; the caller
 * pushes to the catalog once the lock is released.
 */
final class TtlChecks {
  private static final Logger log = LoggerFactory.getLogger(TtlChecks.class);

  private final Clock clock;
  private final LocalEntries entries;
  private final AgentDisk disk;
  /** Told of every status change, for output batching and the critical-service reaper. */
  private final CheckSupervisor supervisor;
  private final TtlTimers timers;

  TtlChecks(
      Clock clock,
      ScheduledExecutorService scheduler,
      TtlTimers.Due due,
      LocalEntries entries,
      AgentDisk disk,
      CheckSupervisor supervisor) {
    this.clock = clock;
    this.entries = entries;
    this.disk = disk;
    this.supervisor = supervisor;
    this.timers = new TtlTimers(clock, scheduler, due);
  }

  /** pass/warn/fail/update: persisted first, then the timer is re-armed for a full TTL. */
  void update(LocalCheck check, String status, String output) {
    String checkId = check.id();
    if (!check.hasTtl()) {
      throw new AgentException(500,
          "CheckID " + CheckDefaults.quote(checkId) + " does not have associated TTL");
    }
    String out = CheckDefaults.truncate(output, check.outputMaxSize());
    long expires = clock.millis() + check.ttl().toMillis();
    TtlState state = disk.ttlState(check, status, out, expires);
    disk.persist("check " + checkId, d -> d.saveTtl(checkId, state));
    timers.update(checkId, expires, out);
    // A heartbeat that changes nothing must not become a Raft write.
    if (!status.equals(check.row().status()) || !out.equals(check.row().output())) {
      entries.putCheckState(check.withState(status, out));
      supervisor.statusSeen(entries.check(checkId));
    }
  }

  /** A timer woke up: expires the check unless an update came first. */
  void due(String checkId, long token) {
    if (!timers.claim(checkId, token)) {
      return;
    }
    LocalCheck check = entries.check(checkId);
    if (check == null || !check.hasTtl()) {
      return;
    }
    String out = CheckDefaults.expiredOutput(timers.lastOutput(checkId));
    log.info("Check {} missed its TTL, is now critical", checkId);
    // Nothing to persist: the saved state's deadline has passed, so a restart already
    // restores this check as expired, with the same output.
    if (!Check.CRITICAL.equals(check.row().status()) || !out.equals(check.row().output())) {
      entries.putCheckState(check.withState(Check.CRITICAL, out));
      supervisor.statusSeen(entries.check(checkId));
    }
  }

  /**
   * A config-file check about to be registered with no live entry (the agent just started,
   * or its file brought it back): it resumes its saved state if its definition is the one
   * that state was saved with; any other check starts afresh.
   */
  CheckStart fromFile(LocalCheck check) {
    if (!check.hasTtl() || disk.store() == null) {
      return CheckStart.fresh(check);
    }
    String definition = disk.definition(check);
    Optional<TtlState> saved =
        disk.store().loadTtl(check.id()).filter(s -> s.definition().equals(definition));
    return saved.map(s -> new CheckStart(resumed(check, s), s))
        .orElseGet(() -> CheckStart.fresh(check));
  }

  /**
   * The check as a saved state leaves it: that status while the saved deadline lies in the
   * future, otherwise critical with the expiry text. Arm its timer with {@link #resume}.
   */
  LocalCheck resumed(LocalCheck check, TtlState saved) {
    return saved.expires() > clock.millis()
        ? check.withState(saved.status(), saved.output())
        : check.withState(Check.CRITICAL, CheckDefaults.expiredOutput(saved.output()));
  }

  /**
   * Expires at the saved deadline, not a full TTL from now; a deadline already past fires at
   * once and finds the check critical already (see {@link #resumed}).
   */
  void resume(String checkId, TtlState saved) {
    timers.update(checkId, saved.expires(), saved.output());
  }

  /** A check just put in memory: its timer resumes, restarts for a full TTL, or goes. */
  void started(CheckStart start) {
    LocalCheck check = start.check();
    if (!check.hasTtl()) {
      timers.remove(check.id());
    } else if (start.resumed() != null) {
      resume(check.id(), start.resumed());
    } else {
      timers.start(check.id(), clock.millis() + check.ttl().toMillis());
    }
  }

  void remove(String checkId) {
    timers.remove(checkId);
  }

  void close() {
    timers.close();
  }
}
