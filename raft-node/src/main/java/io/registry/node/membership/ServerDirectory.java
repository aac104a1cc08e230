package io.registry.node.membership;

import io.registry.catalog.Catalog;
import io.registry.catalog.model.Member;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raft peer id to server, for /v1/status and for reaching the leader over internal RPC.
 * Fed by cluster.json, hellos and peer changes; a server that joined later is found in the
 * replicated member rows (tags raft_id and port), so every server can name every leader.
 */
final class ServerDirectory {
  private final Map<String, ServerEntry> byPeerId = new ConcurrentHashMap<>();

  void put(ServerEntry entry) {
    if (!entry.raftPeerId().isEmpty()) {
      byPeerId.put(entry.raftPeerId(), entry);
    }
  }

  ServerEntry entry(String peerId, Catalog catalog) {
    ServerEntry known = byPeerId.get(peerId);
    if (known != null || catalog == null) {
      return known;
    }
    for (Member m : catalog.members()) {
      if (peerId.equals(m.tags().get("raft_id")) && m.tags().containsKey("port")) {
        ServerEntry found = new ServerEntry(m.nodeId(), m.name(),
            m.addr() + ":" + m.tags().get("port"), m.addr() + ":" + m.port(), peerId);
        byPeerId.put(peerId, found);
        return found;
      }
    }
    return null;
  }

  String rpcAddressOf(String peerId, Catalog catalog) {
    ServerEntry e = entry(peerId, catalog);
    return e == null ? "" : e.rpcAddress();
  }
}
