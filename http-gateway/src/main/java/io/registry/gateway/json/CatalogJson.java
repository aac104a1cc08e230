package io.registry.gateway.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.CheckDefinition;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.ServiceInstance;
import io.registry.catalog.model.Weights;
import java.util.List;
import java.util.Map;

/** Wire shapes of catalog and health answers (consul-api.md §3), Consul's field names. */
public final class CatalogJson {
  private CatalogJson() {}

  public static ObjectNode node(Node n) {
    ObjectNode o = Json.object();
    o.put("ID", n.id());
    o.put("Node", n.name());
    o.put("Address", n.address());
    o.put("Datacenter", n.datacenter());
    o.set("TaggedAddresses", Json.stringMap(n.taggedAddresses()));
    o.set("Meta", Json.stringMap(n.meta()));
    o.set("CreateIndex", Json.u64(n.createIndex()));
    o.set("ModifyIndex", Json.u64(n.modifyIndex()));
    return o;
  }

  public static ObjectNode weights(Weights w) {
    ObjectNode o = Json.object();
    o.put("Passing", w.passing());
    o.put("Warning", w.warning());
    return o;
  }

  public static ObjectNode serviceAddresses(Map<String, ServiceAddress> m) {
    ObjectNode o = Json.object();
    m.forEach((k, a) -> {
      ObjectNode e = Json.object();
      e.put("Address", a.address());
      e.put("Port", a.port());
      o.set(k, e);
    });
    return o;
  }

  /** NodeService: Service of health entries and values of /catalog/node/:node. */
  public static ObjectNode nodeService(Service s) {
    ObjectNode o = Json.object();
    o.put("ID", s.id());
    o.put("Service", s.name());
    o.set("Tags", Json.strings(s.tags()));
    o.put("Address", s.address());
    if (!s.taggedAddresses().isEmpty()) {
      o.set("TaggedAddresses", serviceAddresses(s.taggedAddresses()));
    }
    o.set("Meta", Json.stringMap(s.meta()));
    o.put("Port", s.port());
    o.set("Weights", weights(s.weights()));
    o.put("EnableTagOverride", s.enableTagOverride());
    if (!s.kind().isEmpty()) {
      o.put("Kind", s.kind());
    }
    o.set("Proxy", Json.object());
    o.set("Connect", Json.object());
    o.set("CreateIndex", Json.u64(s.createIndex()));
    o.set("ModifyIndex", Json.u64(s.modifyIndex()));
    return o;
  }

  /** CatalogService: one element of /catalog/service/:name. */
  public static ObjectNode catalogService(ServiceInstance i) {
    Node n = i.node();
    Service s = i.service();
    ObjectNode o = Json.object();
    o.put("ID", n.id());
    o.put("Node", n.name());
    o.put("Address", n.address());
    o.put("Datacenter", n.datacenter());
    o.set("TaggedAddresses", Json.stringMap(n.taggedAddresses()));
    o.set("NodeMeta", Json.stringMap(n.meta()));
    o.put("ServiceKind", s.kind());
    o.put("ServiceID", s.id());
    o.put("ServiceName", s.name());
    o.set("ServiceTags", Json.strings(s.tags()));
    o.put("ServiceAddress", s.address());
    if (!s.taggedAddresses().isEmpty()) {
      o.set("ServiceTaggedAddresses", serviceAddresses(s.taggedAddresses()));
    }
    o.set("ServiceWeights", weights(s.weights()));
    o.set("ServiceMeta", Json.stringMap(s.meta()));
    o.put("ServicePort", s.port());
    o.put("ServiceEnableTagOverride", s.enableTagOverride());
    o.set("ServiceProxy", Json.object());
    o.set("ServiceConnect", Json.object());
    o.set("CreateIndex", Json.u64(s.createIndex()));
    o.set("ModifyIndex", Json.u64(s.modifyIndex()));
    return o;
  }

  public static ObjectNode check(Check c) {
    ObjectNode o = Json.object();
    o.put("Node", c.node());
    o.put("CheckID", c.checkId());
    o.put("Name", c.name());
    o.put("Status", c.status().isEmpty() ? Check.CRITICAL : c.status());
    o.put("Notes", c.notes());
    o.put("Output", c.output());
    o.put("ServiceID", c.serviceId());
    o.put("ServiceName", c.serviceName());
    o.set("ServiceTags", Json.strings(c.serviceTags()));
    o.put("Type", c.type());
    o.put("Interval", c.interval());
    o.put("Timeout", c.timeout());
    o.put("ExposedPort", 0);
    o.set("Definition", definition(c.definition()));
    o.set("CreateIndex", Json.u64(c.createIndex()));
    o.set("ModifyIndex", Json.u64(c.modifyIndex()));
    return o;
  }

  /** Members omitted when empty, as Consul's omitempty does. */
  public static ObjectNode definition(CheckDefinition d) {
    ObjectNode o = Json.object();
    putIf(o, "HTTP", d.http());
    putIf(o, "Method", d.method());
    if (!d.header().isEmpty()) {
      ObjectNode h = Json.object();
      d.header().forEach((k, v) -> h.set(k, Json.strings(v)));
      o.set("Header", h);
    }
    putIf(o, "Body", d.body());
    putIf(o, "TLSServerName", d.tlsServerName());
    if (d.tlsSkipVerify()) {
      o.put("TLSSkipVerify", true);
    }
    putIf(o, "TCP", d.tcp());
    putIf(o, "UDP", d.udp());
    putIf(o, "GRPC", d.grpc());
    if (d.grpcUseTls()) {
      o.put("GRPCUseTLS", true);
    }
    putIf(o, "Interval", d.interval());
    putIf(o, "Timeout", d.timeout());
    putIf(o, "DeregisterCriticalServiceAfter", d.deregisterCriticalServiceAfter());
    return o;
  }

  private static void putIf(ObjectNode o, String name, String v) {
    if (!v.isEmpty()) {
      o.put(name, v);
    }
  }

  public static ArrayNode checks(List<Check> checks) {
    ArrayNode a = Json.array();
    checks.forEach(c -> a.add(check(c)));
    return a;
  }

  /** ServiceEntry of /health/service: Checks never null. */
  public static ObjectNode serviceEntry(ServiceInstance i) {
    ObjectNode o = Json.object();
    o.set("Node", node(i.node()));
    o.set("Service", nodeService(i.service()));
    o.set("Checks", checks(i.checks()));
    return o;
  }
}
