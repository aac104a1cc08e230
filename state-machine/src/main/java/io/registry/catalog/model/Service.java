package io.registry.catalog.model;

import java.util.List;
import java.util.Map;

/** A service instance row, keyed by (node, id). Collections are never null. */
public record Service(
    String node,
    String id,
    String name,
    List<String> tags,
    String address,
    int port,
    Map<String, ServiceAddress> taggedAddresses,
    Map<String, String> meta,
    Weights weights,
    boolean enableTagOverride,
    String kind,
    long createIndex,
    long modifyIndex) {

  public Service {
    tags = tags == null ? List.of() : List.copyOf(tags);
    address = address == null ? "" : address;
    taggedAddresses = taggedAddresses == null ? Map.of() : Map.copyOf(taggedAddresses);
    meta = meta == null ? Map.of() : Map.copyOf(meta);
    weights = weights == null ? Weights.DEFAULT : weights;
    kind = kind == null ? "" : kind;
  }
}
