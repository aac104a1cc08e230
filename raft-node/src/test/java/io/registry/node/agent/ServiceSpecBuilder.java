package io.registry.node.agent;

import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds AgentServiceSpec for tests. */
final class ServiceSpecBuilder {
  private String id;
  private final String name;
  private List<String> tags = List.of();
  private String address;
  private int port;
  private Map<String, String> meta;
  private Weights weights;
  private boolean enableTagOverride;
  private final List<AgentCheckSpec> checks = new ArrayList<>();

  private ServiceSpecBuilder(String name) {
    this.name = name;
  }

  static ServiceSpecBuilder service(String name) {
    return new ServiceSpecBuilder(name);
  }

  ServiceSpecBuilder id(String v) { id = v; return this; }
  ServiceSpecBuilder tags(String... v) { tags = List.of(v); return this; }
  ServiceSpecBuilder address(String v) { address = v; return this; }
  ServiceSpecBuilder port(int v) { port = v; return this; }
  ServiceSpecBuilder meta(Map<String, String> v) { meta = v; return this; }
  ServiceSpecBuilder weights(Weights v) { weights = v; return this; }
  ServiceSpecBuilder enableTagOverride() { enableTagOverride = true; return this; }
  ServiceSpecBuilder check(CheckSpecBuilder c) { checks.add(c.build()); return this; }

  AgentServiceSpec build() {
    return new AgentServiceSpec(id, name, tags, address, port, meta,
        Map.of("lan", new ServiceAddress("10.0.0.5", port)), weights, enableTagOverride, null,
        checks);
  }
}
