package io.registry.node.agent;

/**
 * Keeps the three in-memory parts of a local check in step: its entry, its runner (active
 * checks) and its TTL timer. Guarded by the agent's lock; the agent persists before calling
 * in, so a refused write never leaves a half-added or half-removed check.
 */
final class CheckLifecycle {
  private final LocalEntries entries;
  private final CheckSupervisor supervisor;
  private final TtlChecks ttl;

  CheckLifecycle(LocalEntries entries, CheckSupervisor supervisor, TtlChecks ttl) {
    this.entries = entries;
    this.supervisor = supervisor;
    this.ttl = ttl;
  }

  /**
   * Re-registering a check keeps its current status and output, as Consul does, so that a
   * re-registration does not make a healthy instance flap to critical. A file's TTL check
   * that is not live yet may resume what it saved before a restart.
   */
  CheckStart keepState(LocalCheck check, boolean fromFile) {
    LocalCheck previous = entries.check(check.id());
    if (previous != null) {
      return CheckStart.fresh(check.withState(previous.row().status(), previous.row().output()));
    }
    return fromFile ? ttl.fromFile(check) : CheckStart.fresh(check);
  }

  /** Puts an already persisted check in memory and (re)starts or stops its timer or runner. */
  void add(CheckStart start, RegistrationSource from) {
    entries.putCheck(start.check());
    supervisor.added(start.check(), from);
    ttl.started(start);
  }

  /** Drops a check, whose files are already gone, from memory with its timer or runner. */
  void forget(String checkId) {
    ttl.remove(checkId);
    supervisor.removed(checkId);
    entries.removeCheck(checkId);
  }

  /** The live check, or Consul's 404 naming the ID. */
  LocalCheck require(String checkId) {
    LocalCheck check = checkId == null ? null : entries.check(checkId);
    if (check == null) {
      throw new AgentException(404, "Unknown check ID "
          + CheckDefaults.quote(checkId == null ? "" : checkId)
          + ". Ensure that the check ID is passed, not the check name.");
    }
    return check;
  }
}
