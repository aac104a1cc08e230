package io.registry.gateway.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.model.Service;
import io.registry.node.api.Member;

/** Wire shapes of agent answers: AgentService and AgentMember (§3). */
public final class AgentJson {
  private AgentJson() {}

  /** AgentService: Tags [] and Meta {} never null; indexes omitted when 0. */
  public static ObjectNode service(Service s, String datacenter) {
    ObjectNode o = Json.object();
    if (!s.kind().isEmpty()) {
      o.put("Kind", s.kind());
    }
    o.put("ID", s.id());
    o.put("Service", s.name());
    o.set("Tags", Json.strings(s.tags()));
    o.set("Meta", Json.stringMap(s.meta()));
    o.put("Port", s.port());
    o.put("Address", s.address());
    if (!s.taggedAddresses().isEmpty()) {
      o.set("TaggedAddresses", CatalogJson.serviceAddresses(s.taggedAddresses()));
    }
    o.set("Weights", CatalogJson.weights(s.weights()));
    o.put("EnableTagOverride", s.enableTagOverride());
    o.put("Datacenter", datacenter);
    if (s.createIndex() != 0) {
      o.set("CreateIndex", Json.u64(s.createIndex()));
    }
    if (s.modifyIndex() != 0) {
      o.set("ModifyIndex", Json.u64(s.modifyIndex()));
    }
    return o;
  }

  public static ObjectNode member(Member m) {
    ObjectNode o = Json.object();
    o.put("Name", m.name());
    o.put("Addr", m.addr());
    o.put("Port", m.port());
    o.set("Tags", Json.stringMap(m.tags()));
    o.put("Status", m.status());
    o.put("ProtocolMin", 1);
    o.put("ProtocolMax", 5);
    o.put("ProtocolCur", 2);
    o.put("DelegateMin", 2);
    o.put("DelegateMax", 5);
    o.put("DelegateCur", 4);
    return o;
  }
}
