package io.registry.catalog.model;

import java.util.List;

/**
 * One instance with what health answers need: its node, the service row and its checks
 * (every node-level check of the node, then the instance's own checks). Feeds
 * /catalog/service (checks unused), /health/service (ServiceEntry), DNS and gRPC.
 */
public record ServiceInstance(Node node, Service service, List<Check> checks) {
  public ServiceInstance {
    checks = List.copyOf(checks);
  }
}
