package io.registry.catalog.model;

import java.util.Map;

/**
 * A cluster member row (catalog.md sec. 1): kept apart from nodes so that a left node leaves
 * the catalog but stays listed until it is reaped. status: alive, leaving, left or failed.
 *
 * @param reapAtMs command time after which the leader may reap the row; 0 when not scheduled
 */
public record Member(
    String name,
    String nodeId,
    String status,
    String addr,
    int port,
    Map<String, String> tags,
    String role,
    long reapAtMs,
    long createIndex,
    long modifyIndex) {

  public static final String ALIVE = "alive";
  public static final String LEAVING = "leaving";
  public static final String LEFT = "left";
  public static final String FAILED = "failed";

  public Member {
    nodeId = nodeId == null ? "" : nodeId;
    addr = addr == null ? "" : addr;
    role = role == null ? "" : role;
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** Equal apart from the indexes: a rewrite that changes nothing moves nothing. */
  public boolean sameAs(Member other) {
    return other != null
        && name.equals(other.name)
        && nodeId.equals(other.nodeId)
        && status.equals(other.status)
        && addr.equals(other.addr)
        && port == other.port
        && tags.equals(other.tags)
        && role.equals(other.role)
        && reapAtMs == other.reapAtMs;
  }
}
