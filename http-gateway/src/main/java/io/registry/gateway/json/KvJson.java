package io.registry.gateway.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.model.KvEntry;
import java.util.Base64;

/** KVPair (§3): Value base64 or null, Session omitted when unlocked, numbers unsigned. */
public final class KvJson {
  private KvJson() {}

  public static ObjectNode pair(KvEntry e) {
    ObjectNode o = Json.object();
    o.set("LockIndex", Json.u64(e.lockIndex()));
    o.put("Key", e.key());
    o.set("Flags", Json.u64(e.flags()));
    if (e.value() == null || e.value().length == 0) {
      o.putNull("Value");
    } else {
      o.put("Value", Base64.getEncoder().encodeToString(e.value()));
    }
    if (e.session() != null && !e.session().isEmpty()) {
      o.put("Session", e.session());
    }
    o.set("CreateIndex", Json.u64(e.createIndex()));
    o.set("ModifyIndex", Json.u64(e.modifyIndex()));
    return o;
  }
}
