package io.registry.node.config;

import java.time.Duration;
import java.util.List;

/**
 * How a node finds and keeps its cluster (architecture.md "Membership without gossip").
 *
 * @param retryJoin addresses of existing nodes to join, retried every retryInterval
 * @param retryInterval pause between join attempts
 * @param retryMax attempts before giving up (0 = forever)
 * @param rejoin ignore a previous leave and rejoin the remembered members at start
 * @param reconnectTimeout failed nodes are reaped after this
 */
public record ClusterOptions(
    List<String> retryJoin,
    Duration retryInterval,
    int retryMax,
    boolean rejoin,
    Duration reconnectTimeout) {

  public ClusterOptions {
    retryJoin = retryJoin == null ? List.of() : List.copyOf(retryJoin);
  }

  public static ClusterOptions defaults() {
    return new ClusterOptions(List.of(), Duration.ofSeconds(30), 0, false, Duration.ofHours(72));
  }
}
