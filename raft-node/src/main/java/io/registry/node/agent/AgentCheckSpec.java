package io.registry.node.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A check as registered with an agent, before validation and defaults. Strings may be null
 * (unset); durations are null when unset. id: "ID"/"CheckID". args: script argv.
 */
public record AgentCheckSpec(
    String id,
    String name,
    String serviceId,
    String notes,
    String status,
    String http,
    String method,
    Map<String, List<String>> header,
    String body,
    boolean tlsSkipVerify,
    String tlsServerName,
    boolean disableRedirects,
    String tcp,
    String udp,
    String grpc,
    boolean grpcUseTls,
    List<String> args,
    Duration ttl,
    Duration interval,
    Duration timeout,
    Duration deregisterCriticalServiceAfter,
    int successBeforePassing,
    int failuresBeforeWarning,
    int failuresBeforeCritical,
    Integer outputMaxSize) {

  public AgentCheckSpec {
    header = header == null ? Map.of() : Map.copyOf(header);
    args = args == null ? List.of() : List.copyOf(args);
  }
}
