package io.registry.gateway.http;

import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;

/** Starts the in-process dev node the HTTP tests talk to. */
final class TestNodes {
  private TestNodes() {}

  static RegistryNode start() {
    return RegistryNodes.start(NodeConfig.devOnFreePorts("test-node"));
  }
}
