package io.registry.node.api;

import java.util.Map;

/**
 * This node as others see it. serverAddress is "ip:port" of the server RPC port (what
 * /v1/status/leader shows), "" on a client agent.
 */
public record NodeIdentity(
    String nodeName,
    String nodeId,
    String datacenter,
    String advertiseAddress,
    String serverAddress,
    boolean server,
    Map<String, String> meta,
    String version) {

  public NodeIdentity {
    meta = meta == null ? Map.of() : Map.copyOf(meta);
  }
}
