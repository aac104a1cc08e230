package io.registry.catalog;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.model.Result;
import io.registry.catalog.model.ServiceInstance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every query over the random name space, and comparable views of their values. */
final class AllQueries {
  private AllQueries() {}

  /** Query label to query, in a fixed order. */
  static Map<String, Function<Catalog, Result<?>>> all() {
    Map<String, Function<Catalog, Result<?>>> q = new LinkedHashMap<>();
    q.put("nodes", Catalog::nodes);
    q.put("services", Catalog::services);
    for (String s : RandomCommands.SERVICES) {
      for (HealthFilter f : HealthFilter.values()) {
        q.put("service " + s + " " + f, c -> c.service(s, f));
      }
      q.put("serviceChecks " + s, c -> c.serviceChecks(s));
    }
    for (String n : RandomCommands.NODES) {
      q.put("node " + n, c -> c.node(n));
      q.put("nodeChecks " + n, c -> c.nodeChecks(n));
    }
    for (String st : List.of("any", "passing", "warning", "critical", "bogus")) {
      q.put("state " + st, c -> c.checksInState(st));
    }
    for (String k : RandomCommands.KEYS) {
      q.put("kvGet " + k, c -> c.kvGet(k));
    }
    for (String p : RandomCommands.PREFIXES) {
      q.put("kvList " + p, c -> c.kvList(p));
    }
    return q;
  }

  /** Value with byte arrays made comparable; check output blanked when asked. */
  static Object view(Object value, boolean keepOutput) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(view(v, keepOutput)));
      return out;
    }
    if (value instanceof KvEntry e) {
      String v = e.value() == null ? "null" : new String(e.value(), StandardCharsets.UTF_8);
      return List.of(e.key(), v, e.flags(), String.valueOf(e.session()), e.lockIndex(),
          e.createIndex(), e.modifyIndex());
    }
    if (value instanceof Check c && !keepOutput) {
      return new Check(c.node(), c.checkId(), c.name(), c.status(), c.notes(), "",
          c.serviceId(), c.serviceName(), c.serviceTags(), c.type(), c.interval(), c.timeout(),
          c.definition(), c.createIndex(), c.modifyIndex());
    }
    if (value instanceof ServiceInstance i) {
      return List.of(i.node(), i.service(), view(i.checks(), keepOutput));
    }
    return value;
  }
}
