package io.registry.node.agent;

import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.Weights;
import java.util.List;
import java.util.Map;

/**
 * A service as registered with an agent (HTTP body or config file), before validation.
 * id null/"" = name. weights null = {1,1}. checks: "Check" first, then "Checks".
 */
public record AgentServiceSpec(
    String id,
    String name,
    List<String> tags,
    String address,
    int port,
    Map<String, String> meta,
    Map<String, ServiceAddress> taggedAddresses,
    Weights weights,
    boolean enableTagOverride,
    String kind,
    List<AgentCheckSpec> checks) {

  public AgentServiceSpec {
    tags = tags == null ? List.of() : List.copyOf(tags);
    meta = meta == null ? Map.of() : Map.copyOf(meta);
    taggedAddresses = taggedAddresses == null ? Map.of() : Map.copyOf(taggedAddresses);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }
}
