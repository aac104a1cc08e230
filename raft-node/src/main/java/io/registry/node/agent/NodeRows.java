package io.registry.node.agent;

import io.registry.catalog.Catalog;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.NodeServices;
import io.registry.catalog.model.Service;
import java.util.List;

/**
 * What the catalog holds for one node, as anti-entropy compares it with the agent's local
 * state. nodeExists is false when the node has no catalog row (it left or was reaped).
 */
public record NodeRows(boolean nodeExists, List<Service> services, List<Check> checks) {
  public static final NodeRows ABSENT = new NodeRows(false, List.of(), List.of());

  public NodeRows {
    services = List.copyOf(services);
    checks = List.copyOf(checks);
  }

  /** Reads the node's rows from a catalog replica (two reads: a write may fall between). */
  public static NodeRows of(Catalog catalog, String node) {
    NodeServices ns = catalog.node(node).value();
    if (ns == null || ns.node() == null) {
      return ABSENT;
    }
    return new NodeRows(true, ns.services(), catalog.nodeChecks(node).value());
  }
}
