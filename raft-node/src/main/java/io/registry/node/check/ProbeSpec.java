package io.registry.node.check;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an active check probes and how often (consul-api.md §4.4). kind is one of
 * {@link #HTTP}, {@link #TCP}, {@link #GRPC}, {@link #SCRIPT}; the fields of other kinds are
 * "" / empty. timeout null or zero = the kind's default. Persisted with the agent's checks,
 * so it is a plain value that Jackson can write and read.
 */
public record ProbeSpec(
    String kind,
    String http,
    String method,
    Map<String, List<String>> header,
    String body,
    boolean tlsSkipVerify,
    String tlsServerName,
    boolean disableRedirects,
    String tcp,
    String grpc,
    boolean grpcUseTls,
    List<String> args,
    Duration interval,
    Duration timeout) {

  public static final String HTTP = "http";
  public static final String TCP = "tcp";
  public static final String GRPC = "grpc";
  public static final String SCRIPT = "script";

  /** Consul's floor: shorter intervals are raised, not refused. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_SCRIPT_TIMEOUT = Duration.ofSeconds(30);

  public ProbeSpec {
    kind = nz(kind);
    http = nz(http);
    method = method == null || method.isEmpty() ? "GET" : method;
    header = header == null ? Map.of() : Map.copyOf(header);
    body = nz(body);
    tlsServerName = nz(tlsServerName);
    tcp = nz(tcp);
    grpc = nz(grpc);
    args = args == null ? List.of() : List.copyOf(args);
    if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
      interval = MIN_INTERVAL;
    }
  }

  /** The kinds this package can run; others (udp, T3 kinds) get no runner. */
  public static boolean runnable(String kind) {
    return HTTP.equals(kind) || TCP.equals(kind) || GRPC.equals(kind) || SCRIPT.equals(kind);
  }

  /** The configured timeout, or 10 s (30 s for scripts) when unset. */
  public Duration effectiveTimeout() {
    if (timeout != null && timeout.isPositive()) {
      return timeout;
    }
    return SCRIPT.equals(kind) ? DEFAULT_SCRIPT_TIMEOUT : DEFAULT_TIMEOUT;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
