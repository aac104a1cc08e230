package io.registry.gateway.http;

import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;

/** Starts the in-process dev node the HTTP tests talk to. */
final class TestNodes {
  private TestNodes() {}

  static RegistryNode start() {
    try {
      return RegistryNodes.start(NodeConfig.devOnFreePorts("test-node"));
    } catch (UnsupportedOperationException notYet) {
      // TODO(#3): drop once raft-node publishes RegistryNodes.start.
      System.err.println("RegistryNodes.start not implemented yet: using the catalog-only stand-in");
      return new CatalogOnlyNode();
    }
  }

  /** Whether the node has a working local agent (agent endpoints land after the node). */
  static boolean hasAgent(RegistryNode node) {
    try {
      node.agent().services();
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }
}
