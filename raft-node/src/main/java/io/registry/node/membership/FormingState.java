package io.registry.node.membership;

import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.proto.Identity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What a server knows while no cluster is formed: the FORMING servers it has been in direct
 * contact with (same datacenter, same bootstrap_expect), and its exclusive promise. All
 * methods are synchronized: hellos, prepares and the bootstrap loop race on it.
 */
final class FormingState {
  private final LocalServer self;
  private final String selfPeerId;
  private final PromiseStore promises;
  private final LongSupplier nanoTime;
  // node-id -> server, in node-id order (the order P is chosen in).
  private final TreeMap<String, ServerEntry> forming = new TreeMap<>();
  private long lastChangeNanos;

  FormingState(LocalServer self, String selfPeerId, PromiseStore promises, LongSupplier nanoTime) {
    this.self = self;
    this.selfPeerId = selfPeerId;
    this.promises = promises;
    this.nanoTime = nanoTime;
    forming.put(self.nodeId(), self.entry(selfPeerId));
    lastChangeNanos = nanoTime.getAsLong();
  }

  synchronized void saw(Identity id) {
    ServerEntry entry = LocalServer.entry(id);
    if (!entry.equals(forming.put(id.getNodeId(), entry))) {
      lastChangeNanos = nanoTime.getAsLong();
    }
  }

  synchronized List<ServerEntry> servers() {
    return new ArrayList<>(forming.values());
  }

  /** P: the N lowest node-ids, once N are known and the set stayed put for {@code settle}. */
  synchronized List<ServerEntry> proposal(int expect, long settleNanos) {
    if (forming.size() < expect || nanoTime.getAsLong() - lastChangeNanos < settleNanos) {
      return List.of();
    }
    return forming.values().stream().limit(expect).toList();
  }

  /**
   * Grants or refuses a promise (membership.md sec. 2 step 3). A granted promise is persisted
   * before the answer, so a restart cannot make this server promise twice.
   */
  synchronized String promise(String proposerId, List<ServerEntry> proposed) {
    if (proposed.stream().noneMatch(s -> s.nodeId().equals(self.nodeId()))) {
      return "this server (" + self.name() + ") is not in the proposed peer set";
    }
    String promised = promises.proposer();
    if (!promised.isEmpty() && !promised.equals(proposerId)) {
      return "already promised to " + promised;
    }
    String highest = proposed.stream().map(ServerEntry::nodeId).max(Comparator.naturalOrder())
        .orElse("");
    for (Map.Entry<String, ServerEntry> e : forming.entrySet()) {
      boolean inP = proposed.stream().anyMatch(s -> s.nodeId().equals(e.getKey()));
      if (!inP && e.getKey().compareTo(highest) < 0) {
        return "server " + e.getValue().name() + " (" + e.getKey() + ") is forming too and"
            + " has a lower node-id than the proposed peer set";
      }
    }
    promises.promise(proposerId);
    return null;
  }

  synchronized void release(String proposerId) {
    if (promises.proposer().equals(proposerId)) {
      promises.clear();
    }
  }

  void clear() {
    promises.clear();
  }

  /** Refuses a FORMING peer that expects another number of servers: fatal for a newcomer. */
  void requireSameExpect(Identity other) {
    if (other.getBootstrapExpect() > 0 && self.bootstrapExpect() > 0
        && other.getBootstrapExpect() != self.bootstrapExpect()) {
      throw new RefusedException("bootstrap_expect " + self.bootstrapExpect() + " here but "
          + other.getBootstrapExpect() + " at " + other.getName() + " (" + other.getRpcAddress()
          + ")");
    }
  }
}
