package io.registry.node.raft;

import org.apache.ratis.protocol.RaftPeerId;

/**
 * What a one-peer node (dev, -bootstrap-expect=1: no {@link Clustering}) answers about
 * membership: its only member and peer is itself.
 */
final class SingleServer {
  private SingleServer() {
  }

  /** join through the cluster layer; without one this server runs a cluster of its own. */
  static void join(Clustering clustering, String address) {
    if (clustering == null) {
      throw new IllegalStateException("this server runs a cluster of its own (-dev, or"
          + " -bootstrap-expect=1 without -retry-join) and cannot join another");
    }
    clustering.join(address);
  }

  /** force-leave through the cluster layer; without one the only member is us, alive. */
  static void forceLeave(Clustering clustering, NodeLayout layout, String node, boolean prune) {
    if (clustering != null) {
      clustering.forceLeave(node, prune);
      return;
    }
    if (node.equals(layout.self().nodeName())) {
      throw new IllegalStateException("node " + node + " is alive; run leave on it");
    }
    throw new IllegalArgumentException("Unknown node " + node);
  }

  /** remove-peer through the cluster layer; without one the only peer is us, the last voter. */
  static void removePeer(Clustering clustering, NodeLayout layout, String id, String address) {
    if (clustering != null) {
      clustering.removePeer(id, address);
      return;
    }
    boolean self = id.isEmpty() ? address.equals(layout.self().serverAddress())
        : id.equals(layout.peerId().toString());
    if (self) {
      throw new IllegalStateException(
          "removing " + layout.self().nodeName() + " refused: it is the last voter.");
    }
    throw new IllegalArgumentException(id.isEmpty()
        ? "address \"" + address + "\" was not found in the Raft configuration"
        : "id \"" + id + "\" was not found in the Raft configuration");
  }

  /** The internal RPC address of a peer: ours, or "" for any other id. */
  static String addressOf(NodeLayout layout, RaftPeerId peer) {
    return layout.peerId().equals(peer) ? layout.self().serverAddress() : "";
  }
}
