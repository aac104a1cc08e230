package io.registry.node.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds AgentCheckSpec for tests; unset fields stay null/0 as a decoded JSON body would. */
final class CheckSpecBuilder {
  private String id;
  private String name;
  private String serviceId;
  private String notes;
  private String status;
  private String http;
  private String tcp;
  private String grpc;
  private List<String> args;
  private Duration ttl;
  private Duration interval;
  private Duration timeout;
  private Duration deregisterAfter;
  private int successBeforePassing;
  private int failuresBeforeWarning;
  private int failuresBeforeCritical;
  private Integer outputMaxSize;

  static CheckSpecBuilder ttl(Duration ttl) {
    CheckSpecBuilder b = new CheckSpecBuilder();
    b.ttl = ttl;
    return b;
  }

  static CheckSpecBuilder http(String url, Duration interval) {
    CheckSpecBuilder b = new CheckSpecBuilder();
    b.http = url;
    b.interval = interval;
    return b;
  }

  static CheckSpecBuilder none() {
    return new CheckSpecBuilder();
  }

  CheckSpecBuilder id(String v) { id = v; return this; }
  CheckSpecBuilder name(String v) { name = v; return this; }
  CheckSpecBuilder serviceId(String v) { serviceId = v; return this; }
  CheckSpecBuilder notes(String v) { notes = v; return this; }
  CheckSpecBuilder status(String v) { status = v; return this; }
  CheckSpecBuilder tcp(String v) { tcp = v; return this; }
  CheckSpecBuilder grpc(String v) { grpc = v; return this; }
  CheckSpecBuilder args(String... v) { args = List.of(v); return this; }
  CheckSpecBuilder ttlValue(Duration v) { ttl = v; return this; }
  CheckSpecBuilder interval(Duration v) { interval = v; return this; }
  CheckSpecBuilder timeout(Duration v) { timeout = v; return this; }
  CheckSpecBuilder deregisterAfter(Duration v) { deregisterAfter = v; return this; }
  CheckSpecBuilder failures(int warning, int critical) {
    failuresBeforeWarning = warning;
    failuresBeforeCritical = critical;
    return this;
  }
  CheckSpecBuilder successBeforePassing(int v) { successBeforePassing = v; return this; }
  CheckSpecBuilder outputMaxSize(Integer v) { outputMaxSize = v; return this; }

  AgentCheckSpec build() {
    return new AgentCheckSpec(id, name, serviceId, notes, status, http, null,
        http == null ? null : Map.of("X-Probe", List.of("1")), null, false, null, false, tcp,
        null, grpc, false, args, ttl, interval, timeout, deregisterAfter,
        successBeforePassing, failuresBeforeWarning, failuresBeforeCritical, outputMaxSize);
  }
}
