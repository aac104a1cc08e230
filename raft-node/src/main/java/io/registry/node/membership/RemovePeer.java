package io.registry.node.membership;

import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RefusedException;
import org.apache.ratis.protocol.RaftPeer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /v1/operator/raft/peer} (consul-api.md sec. 11.2): finds the peer by Raft id
 * or by address (the server's RPC address that list-peers shows, or its Raft address) in this
 * server's view of the conf, then removes it through the same leader-side queue as
 * force-leave, quorum rule included; a peer that maps to a member is written {@code left}.
 */
final class RemovePeer {
  private static final Logger LOG = LoggerFactory.getLogger(RemovePeer.class);

  private final RaftHandle raft;
  private final PeerChanges changes;
  private final ServerDirectory directory;

  RemovePeer(RaftHandle raft, PeerChanges changes, ServerDirectory directory) {
    this.raft = raft;
    this.changes = changes;
    this.directory = directory;
  }

  /**
   * Exactly one of id and address is non-empty.
   *
   * @throws IllegalArgumentException when no peer has that id or address
   * @throws IllegalStateException when the leader refuses the removal
   */
  void run(String id, String address) {
    boolean byId = !id.isEmpty();
    ServerEntry found = null;
    for (RaftPeer p : raft.division().getRaftConf().getCurrentPeers()) {
      String peerId = p.getId().toString();
      ServerEntry known = directory.entry(peerId, raft.catalog());
      ServerEntry entry = known != null ? known : new ServerEntry("", "", "", p.getAddress(), peerId);
      boolean match = byId ? peerId.equals(id)
          : address.equals(entry.rpcAddress()) || address.equals(p.getAddress());
      if (match) {
        found = entry;
        break;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(byId
          ? "id \"" + id + "\" was not found in the Raft configuration"
          : "address \"" + address + "\" was not found in the Raft configuration");
    }
    try {
      changes.remove(found, false);
    } catch (RefusedException e) {
      throw new IllegalStateException(e.getMessage());
    }
    LOG.info("Removed Raft peer {} ({}) on operator request", found.raftPeerId(),
        found.name().isEmpty() ? "no member" : found.name());
  }
}
