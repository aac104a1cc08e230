package io.registry.node.membership;

import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import io.registry.node.raft.NodeLayout;
import io.registry.node.raft.RaftRegistryNode;

/** Starts a server that forms or joins a cluster of several servers. */
public final class ClusterServers {
  private ClusterServers() {}

  /**
   * Opens the internal RPC port, forms or joins the cluster (blocking until then), starts
   * Ratis with the agreed group and returns once this server serves.
   *
   * @throws IllegalStateException with a plain message when the cluster cannot be joined
   *     ("Failed to join any nodes.", a cluster id or bootstrap_expect mismatch)
   */
  public static RaftRegistryNode start(NodeConfig config, RaftTuning tuning) {
    NodeLayout base = NodeLayout.resolve(config);
    ClusterMembership membership = new ClusterMembership(base, config.dataDir(), config.cluster());
    try {
      membership.listen(base.raftBindHost(), base.serverPort());
      ClusterFile f = membership.awaitCluster();
      NodeLayout layout = base.withRaft(f.peerId(), f.serverGroup(), f.clientGroup());
      return RaftRegistryNode.start(layout, tuning, config.agent(), membership);
    } catch (RuntimeException | Error e) {
      membership.close();
      throw e;
    }
  }
}
