package io.registry.catalog.model;

import java.util.List;

/** A node and its services in service-ID order. */
public record NodeServices(Node node, List<Service> services) {
  public NodeServices {
    services = List.copyOf(services);
  }
}
