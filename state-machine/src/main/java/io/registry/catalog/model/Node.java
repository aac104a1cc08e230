package io.registry.catalog.model;

import java.util.Map;

/** A catalog node row. Maps are never null. */
public record Node(
    String id,
    String name,
    String address,
    String datacenter,
    Map<String, String> taggedAddresses,
    Map<String, String> meta,
    long createIndex,
    long modifyIndex) {

  public Node {
    id = id == null ? "" : id;
    taggedAddresses = taggedAddresses == null ? Map.of() : Map.copyOf(taggedAddresses);
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }
}
