package io.registry.node.liveness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** When each node was last heard from, in monotonic time; memory only, never Raft. */
final class HeartbeatTable {
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  HeartbeatTable(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  void heard(String node) {
    lastSeen.put(node, nanoTime.getAsLong());
  }

  /** Silence of a node in nanos; a node never heard counts from {@code since}. */
  long silenceNanos(String node, long since) {
    long seen = lastSeen.getOrDefault(node, since);
    return nanoTime.getAsLong() - Math.max(seen, since);
  }

  long now() {
    return nanoTime.getAsLong();
  }
}
