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
 * @param reaperPeriod how often the leader's reaper looks for members to prune
 * @param leftRetention how long a left member stays listed before the reaper prunes it
 */
public record ClusterOptions(
    List<String> retryJoin,
    Duration retryInterval,
    int retryMax,
    boolean rejoin,
    Duration reconnectTimeout,
    Duration heartbeatInterval,
    Duration failureThreshold,
    Duration bootstrapSettle,
    Duration reaperPeriod,
    Duration leftRetention) {

  /** The shortest reconnect_timeout a configuration may set (membership.md sec. 5). */
  public static final Duration MIN_RECONNECT_TIMEOUT = Duration.ofMinutes(1);
  /** Consul's minimum; below it we only warn. */
  public static final Duration ADVISED_RECONNECT_TIMEOUT = Duration.ofHours(8);

  public ClusterOptions {
    retryJoin = retryJoin == null ? List.of() : List.copyOf(retryJoin);
    reconnectTimeout = reconnectTimeout == null ? Duration.ofHours(72) : reconnectTimeout;
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(1) : heartbeatInterval;
    failureThreshold = failureThreshold == null ? Duration.ofSeconds(10) : failureThreshold;
    bootstrapSettle = bootstrapSettle == null ? Duration.ofSeconds(2) : bootstrapSettle;
    reaperPeriod = reaperPeriod == null ? Duration.ofSeconds(10) : reaperPeriod;
    leftRetention = leftRetention == null ? Duration.ofHours(24) : leftRetention;
    if (retryMax < 0) {
      throw new IllegalArgumentException("retryMax must not be negative");
    }
    // Positive only: the configured floor of one minute is checked by withReconnectTimeout,
    // so that tests can reap within seconds through withReapTimings.
    if (!reconnectTimeout.isPositive() || !reaperPeriod.isPositive()
        || !leftRetention.isPositive()) {
      throw new IllegalArgumentException("reap timings must be positive");
    }
  }

  /** Options with the default liveness and bootstrap timings. */
  public ClusterOptions(
      List<String> retryJoin,
      Duration retryInterval,
      int retryMax,
      boolean rejoin,
      Duration reconnectTimeout) {
    this(retryJoin, retryInterval, retryMax, rejoin, reconnectTimeout, null, null, null, null,
        null);
  }

  public static ClusterOptions defaults() {
    return new ClusterOptions(List.of(), Duration.ofSeconds(30), 0, false, Duration.ofHours(72));
  }

  /**
   * The same options with the timings used on a loopback test machine (sec. 8, "tests"). The
   * reconnect timeout and the left retention are kept (a test that checks a member's status
   * must not race the reaper): tests that want reaping set them with {@link #withReapTimings}.
   */
  public ClusterOptions withTestTimings() {
    return new ClusterOptions(retryJoin, Duration.ofSeconds(2), retryMax, rejoin,
        reconnectTimeout, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(500),
        Duration.ofSeconds(1), leftRetention);
  }

  /** The join addresses and their retry policy (-retry-join, -retry-interval, -retry-max). */
  public ClusterOptions withRetry(List<String> addresses, Duration interval, int max) {
    return new ClusterOptions(addresses, interval, max, rejoin, reconnectTimeout,
        heartbeatInterval, failureThreshold, bootstrapSettle, reaperPeriod, leftRetention);
  }

  public ClusterOptions withRetryJoin(List<String> addresses, int max) {
    return new ClusterOptions(addresses, retryInterval, max, rejoin, reconnectTimeout,
        heartbeatInterval, failureThreshold, bootstrapSettle, reaperPeriod, leftRetention);
  }

  /**
   * The configured {@code reconnect_timeout}; null keeps the current one.
   *
   * @throws IllegalArgumentException below {@link #MIN_RECONNECT_TIMEOUT}, naming the key
   */
  public ClusterOptions withReconnectTimeout(Duration timeout) {
    if (timeout == null) {
      return this;
    }
    if (timeout.compareTo(MIN_RECONNECT_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "reconnect_timeout must be at least 1m, got " + timeout.toSeconds() + "s");
    }
    return withReapTimings(timeout, leftRetention, reaperPeriod);
  }

  /**
   * Internal and test override of every reaper timing, without the one-minute floor of
   * {@link #withReconnectTimeout}: in-JVM tests reap after a few seconds. No flag or config
   * key reaches it.
   */
  public ClusterOptions withReapTimings(Duration reconnect, Duration retention, Duration period) {
    return new ClusterOptions(retryJoin, retryInterval, retryMax, rejoin, reconnect,
        heartbeatInterval, failureThreshold, bootstrapSettle, period, retention);
  }

  /** -rejoin / rejoin_after_leave: rejoin the remembered members after a graceful leave. */
  public ClusterOptions withRejoin(boolean again) {
    return new ClusterOptions(retryJoin, retryInterval, retryMax, again, reconnectTimeout,
        heartbeatInterval, failureThreshold, bootstrapSettle, reaperPeriod, leftRetention);
  }
}
