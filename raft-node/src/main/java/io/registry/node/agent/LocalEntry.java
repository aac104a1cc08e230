package io.registry.node.agent;

/**
 * One local service or check with its catalog-sync bookkeeping (Consul's "in sync" and
 * "deleted" flags). Every field is guarded by the agent's lock. Generations, not booleans,
 * decide whether an acknowledgement still applies: an ack for an older version of the entry
 * must not mark a newer one as synced.
 */
final class LocalEntry<T> {
  private final String id;
  /** The current value; a tombstone keeps its last value so the Deregister can be built. */
  private T value;
  /** Removed locally; the entry stays until the catalog acknowledged the Deregister. */
  private boolean deleted;
  /** Bumped on every local change. */
  private long generation;
  /** The generation the catalog acknowledged; -1 = never. */
  private long synced = -1;
  /** The generation of the push now in flight; -1 = none. */
  private long inFlight = -1;
  /** True while the only change since the last synced generation is status/output. */
  private boolean statusOnly;

  LocalEntry(String id, T value, long generation) {
    this.id = id;
    this.value = value;
    this.generation = generation;
  }

  String id() {
    return id;
  }

  T value() {
    return value;
  }

  boolean deleted() {
    return deleted;
  }

  boolean live() {
    return !deleted;
  }

  long generation() {
    return generation;
  }

  boolean inSync() {
    return synced == generation;
  }

  boolean statusOnly() {
    return statusOnly;
  }

  /** Whether a push is needed that is not already under way. */
  boolean needsPush() {
    return !inSync() && inFlight != generation;
  }

  /** A new value; whole-row changes clear statusOnly. */
  void set(T newValue, long newGeneration) {
    value = newValue;
    deleted = false;
    generation = newGeneration;
    statusOnly = false;
  }

  /** A status/output change: a cheap UpdateChecks suffices if the catalog had the rest. */
  void setStatus(T newValue, long newGeneration) {
    boolean catalogHasRow = inSync() || statusOnly;
    set(newValue, newGeneration);
    statusOnly = catalogHasRow;
  }

  /** Swaps the value without a new generation: nothing is marked for pushing. */
  void replaceValue(T newValue) {
    value = newValue;
  }

  void tombstone(long newGeneration) {
    deleted = true;
    generation = newGeneration;
    statusOnly = false;
  }

  /** Marks the current generation as not synced, so the next sync pushes it whole. */
  void resync(long newGeneration) {
    generation = newGeneration;
    statusOnly = false;
  }

  void pushing(long pushedGeneration) {
    inFlight = pushedGeneration;
  }

  /**
   * Records the outcome of pushing pushedGeneration.
   *
   * @return true when this tombstone is now acknowledged and can be dropped
   */
  boolean acked(long pushedGeneration, boolean success) {
    if (inFlight == pushedGeneration) {
      inFlight = -1;
    }
    if (pushedGeneration != generation) {
      return false;
    }
    if (success) {
      synced = pushedGeneration;
      statusOnly = false;
      return deleted;
    }
    // A failed UpdateChecks may mean the catalog lost the row: retry with the whole row.
    statusOnly = false;
    return false;
  }
}
