package io.registry.node;

import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import io.registry.node.membership.ClusterServers;
import io.registry.node.raft.NodeLayout;
import io.registry.node.raft.RaftRegistryNode;

/** Starts nodes. */
public final class RegistryNodes {
  private RegistryNodes() {}

  /**
   * Starts a node and returns once it can serve: for dev and -bootstrap-expect=1 servers,
   * once it leads its one-peer group, the cluster is initialised and this node, its
   * serfHealth check and the consul service are in the catalog.
   *
   * @throws IllegalArgumentException for configurations not supported yet (client agents,
   *     -bootstrap-expect above 1) or a server without a data dir
   */
  public static RegistryNode start(NodeConfig config) {
    return start(config, RaftTuning.defaults());
  }

  /** As {@link #start(NodeConfig)}, with Ratis tuning other than the defaults (tests). */
  public static RegistryNode start(NodeConfig config, RaftTuning tuning) {
    if (NodeLayout.clustered(config)) {
      return ClusterServers.start(config, tuning);
    }
    return RaftRegistryNode.start(config, tuning);
  }
}
