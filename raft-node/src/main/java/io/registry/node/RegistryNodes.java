package io.registry.node;

import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;

/** Starts nodes. */
public final class RegistryNodes {
  private RegistryNodes() {}

  /**
   * Starts a node and returns once it can serve: for dev and -bootstrap-expect=1 servers,
   * once it leads its one-peer group, the cluster is initialised and this node, its
   * serfHealth check and the consul service are in the catalog.
   */
  public static RegistryNode start(NodeConfig config) {
    throw new UnsupportedOperationException("TODO(#3)");
  }
}
