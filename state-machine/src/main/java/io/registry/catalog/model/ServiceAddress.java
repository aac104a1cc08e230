package io.registry.catalog.model;

/** One entry of a service's tagged addresses: {"Address", "Port"}. */
public record ServiceAddress(String address, int port) {
  public ServiceAddress {
    address = address == null ? "" : address;
  }
}
