package io.registry.node.config;

import java.time.Duration;
import java.util.List;

/**
 * How a node finds and keeps its cluster (architecture.md "Membership without gossip",
 * membership.md sec. 8 for the timings).
 *
 * @param retryJoin addresses (host:port of the server port) of existing nodes to join
 * @param retryInterval cap of the exponential backoff between join attempts
 * @param retryMax rounds in which no address answered before giving up (0 = forever)
 * @param rejoin ignore a previous leave and rejoin the remembered members at start
 * @param reconnectTimeout failed nodes are reaped after this
 * @param heartbeatInterval how often a server tells the leader it is alive
 * @param failureThreshold silence after which the leader marks a server failed
 * @param bootstrapSettle how long the set of forming servers must stay unchanged before
 *     the lowest of them proposes the peer set
 */
public record ClusterOptions(
    List<String> retryJoin,
    Duration retryInterval,
    int retryMax,
    boolean rejoin,
    Duration reconnectTimeout,
    Duration heartbeatInterval,
    Duration failureThreshold,
    Duration bootstrapSettle) {

  public ClusterOptions {
    retryJoin = retryJoin == null ? List.of() : List.copyOf(retryJoin);
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(1) : heartbeatInterval;
    failureThreshold = failureThreshold == null ? Duration.ofSeconds(10) : failureThreshold;
    bootstrapSettle = bootstrapSettle == null ? Duration.ofSeconds(2) : bootstrapSettle;
    if (retryMax < 0) {
      throw new IllegalArgumentException("retryMax must not be negative");
    }
  }

  /** Options with the default liveness and bootstrap timings. */
  public ClusterOptions(
      List<String> retryJoin,
      Duration retryInterval,
      int retryMax,
      boolean rejoin,
      Duration reconnectTimeout) {
    this(retryJoin, retryInterval, retryMax, rejoin, reconnectTimeout, null, null, null);
  }

  public static ClusterOptions defaults() {
    return new ClusterOptions(List.of(), Duration.ofSeconds(30), 0, false, Duration.ofHours(72));
  }

  /** The same options with the timings used on a loopback test machine (sec. 8, "tests"). */
  public ClusterOptions withTestTimings() {
    return new ClusterOptions(retryJoin, Duration.ofSeconds(2), retryMax, rejoin,
        reconnectTimeout, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(500));
  }

  /** The join addresses and their retry policy (-retry-join, -retry-interval, -retry-max). */
  public ClusterOptions withRetry(List<String> addresses, Duration interval, int max) {
    return new ClusterOptions(addresses, interval, max, rejoin, reconnectTimeout,
        heartbeatInterval, failureThreshold, bootstrapSettle);
  }

  public ClusterOptions withRetryJoin(List<String> addresses, int max) {
    return new ClusterOptions(addresses, retryInterval, max, rejoin, reconnectTimeout,
        heartbeatInterval, failureThreshold, bootstrapSettle);
  }
}
