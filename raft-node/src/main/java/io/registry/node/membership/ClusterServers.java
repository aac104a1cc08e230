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
   *     ("Failed to join any nodes.", a cluster id or bootstrap_expect mismatch, a server
   *     that left with nothing to rejoin)
   */
  public static RaftRegistryNode start(NodeConfig config, RaftTuning tuning) {
    NodeLayout base = NodeLayout.resolve(config);
    boolean rejoining = Rejoin.prepare(config.dataDir(), base, config.cluster());
    ClusterMembership membership = new ClusterMembership(base, config.dataDir(), config.cluster(),
        httpAddress(config, base));
    try {
      membership.listen(base.raftBindHost(), base.serverPort());
      ClusterFile f = membership.awaitCluster();
      NodeLayout layout = base.withRaft(f.peerId(), f.serverGroup(), f.clientGroup());
      RaftRegistryNode node = RaftRegistryNode.start(layout, tuning, config.agent(), membership);
      if (rejoining) {
        Rejoin.completed(config.dataDir());
      }
      return node;
    } catch (RuntimeException | Error e) {
      membership.close();
      throw e;
    }
  }

  // Known only when the port is fixed (every real process); a free port is picked later.
  static String httpAddress(NodeConfig config, NodeLayout layout) {
    if (config.httpPort() <= 0) {
      return "";
    }
    String host = config.clientAddress();
    if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
      host = layout.self().advertiseAddress();
    }
    return host + ":" + config.httpPort();
  }
}
