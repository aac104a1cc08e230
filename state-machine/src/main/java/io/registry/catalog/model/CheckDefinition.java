package io.registry.catalog.model;

import java.util.List;
import java.util.Map;

/** How a check probes; strings are "" when unset, durations are Go duration text. */
public record CheckDefinition(
    String http,
    String method,
    Map<String, List<String>> header,
    String body,
    String tlsServerName,
    boolean tlsSkipVerify,
    String tcp,
    String udp,
    String grpc,
    boolean grpcUseTls,
    String interval,
    String timeout,
    String deregisterCriticalServiceAfter) {

  public static final CheckDefinition EMPTY =
      new CheckDefinition("", "", Map.of(), "", "", false, "", "", "", false, "", "", "");

  public CheckDefinition {
    http = nz(http);
    method = nz(method);
    header = header == null ? Map.of() : Map.copyOf(header);
    body = nz(body);
    tlsServerName = nz(tlsServerName);
    tcp = nz(tcp);
    udp = nz(udp);
    grpc = nz(grpc);
    interval = nz(interval);
    timeout = nz(timeout);
    deregisterCriticalServiceAfter = nz(deregisterCriticalServiceAfter);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
