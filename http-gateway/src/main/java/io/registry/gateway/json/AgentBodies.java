package io.registry.gateway.json;

import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.Weights;
import io.registry.node.agent.AgentCheckSpec;
import io.registry.node.agent.AgentServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes agent register bodies (§4.2, §4.3) into the agent's specs. Validation of values
 * is the agent's job; this only checks types and names, rejecting unknown fields.
 */
public final class AgentBodies {
  private AgentBodies() {}

  // Known to Consul, out of our scope (Connect, Enterprise, legacy): accepted and dropped.
  private static final String[] IGNORED_SERVICE = {
    "Proxy", "Connect", "SocketPath", "Partition", "Locality", "Token", "SidecarService",
    "LocallyRegisteredAsSidecar", "Peer", "ContentHash", "Datacenter", "CreateIndex",
    "ModifyIndex"
  };
  private static final String[] IGNORED_CHECK = {
    "DockerContainerID", "Shell", "H2PING", "H2PingUseTLS", "AliasNode", "AliasService",
    "OSService", "TCPUseTLS", "Token", "Partition", "ExposedPort", "Script", "Type",
    "ServiceName", "ServiceTags", "Node", "Definition", "Output"
  };

  public static AgentServiceSpec service(JsonFields f) {
    namespace(f);
    f.ignore(IGNORED_SERVICE);
    String name = f.str("Name");
    String id = f.str("ID");
    List<String> tags = f.strings("Tags");
    String address = f.str("Address");
    int port = f.integer("Port");
    Map<String, String> meta = f.stringMap("Meta");
    Map<String, ServiceAddress> tagged = serviceAddresses(f.objectMap("ServiceAddress", "TaggedAddresses"));
    Weights weights = weights(f.object("AgentWeights", "Weights"));
    boolean eto = f.bool("EnableTagOverride");
    String kind = f.str("Kind");
    List<AgentCheckSpec> checks = new ArrayList<>();
    JsonFields single = f.object("AgentServiceCheck", "Check");
    if (single != null) {
      checks.add(check(single));
    }
    for (JsonFields c : f.objects("AgentServiceCheck", "Checks")) {
      checks.add(check(c));
    }
    f.rejectUnknown();
    return new AgentServiceSpec(id, name, tags, address, port, meta, tagged, weights, eto, kind, checks);
  }

  public static AgentCheckSpec check(JsonFields f) {
    namespace(f);
    f.ignore(IGNORED_CHECK);
    AgentCheckSpec spec = new AgentCheckSpec(
        f.str("CheckID", "ID"),
        f.str("Name"),
        f.str("ServiceID"),
        f.str("Notes"),
        f.str("Status"),
        f.str("HTTP"),
        f.str("Method"),
        f.stringListMap("Header"),
        f.str("Body"),
        f.bool("TLSSkipVerify"),
        f.str("TLSServerName"),
        f.bool("DisableRedirects"),
        f.str("TCP"),
        f.str("UDP"),
        f.str("GRPC"),
        f.bool("GRPCUseTLS"),
        f.strings("Args", "ScriptArgs"),
        f.duration("TTL"),
        f.duration("Interval"),
        f.duration("Timeout"),
        f.duration("DeregisterCriticalServiceAfter"),
        f.integer("SuccessBeforePassing"),
        f.integer("FailuresBeforeWarning"),
        f.integer("FailuresBeforeCritical"),
        f.optionalInteger("OutputMaxSize"));
    f.rejectUnknown();
    return spec;
  }

  public static Map<String, ServiceAddress> serviceAddresses(Map<String, JsonFields> raw) {
    if (raw == null) {
      return null;
    }
    Map<String, ServiceAddress> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      out.put(k, new ServiceAddress(v.str("Address"), v.integer("Port")));
      v.rejectUnknown();
    });
    return out;
  }

  public static Weights weights(JsonFields w) {
    if (w == null) {
      return null;
    }
    Weights out = new Weights(w.integer("Passing"), w.integer("Warning"));
    w.rejectUnknown();
    return out;
  }

  // An empty Namespace is what OSS clients send; a real one is an Enterprise feature.
  private static void namespace(JsonFields f) {
    String ns = f.str("Namespace");
    if (ns != null && !ns.isEmpty() && !ns.equals("default")) {
      throw new DecodeException("Namespaces are a Consul Enterprise feature");
    }
  }
}
