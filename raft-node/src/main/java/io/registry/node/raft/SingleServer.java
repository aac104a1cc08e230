package io.registry.node.raft;

import org.apache.ratis.protocol.RaftPeerId;

/**
 * What a one-peer node (dev, -bootstrap-expect=1: no {@link Clustering}) answers about
 * membership: its only member and peer is itself.
 */
final class SingleServer {
  private SingleServer() {
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

  /** The internal RPC address of a peer: ours, or "" for any other id. */
  static String addressOf(NodeLayout layout, RaftPeerId peer) {
    return layout.peerId().equals(peer) ? layout.self().serverAddress() : "";
  }
}
