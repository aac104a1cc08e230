package io.registry.gateway.http.v1;

import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.gateway.http.QueryParams;
import java.util.List;

/** The legacy filters still used by clients: ?tag (all must match) and ?node-meta=k:v. */
final class Filters {
  private Filters() {}

  /** Consul compares tags case-insensitively. */
  static boolean hasTags(Service s, QueryParams q) {
    List<String> wanted = q.all("tag");
    for (String t : wanted) {
      if (s.tags().stream().noneMatch(x -> x.equalsIgnoreCase(t))) {
        return false;
      }
    }
    return true;
  }

  static boolean hasNodeMeta(Node n, QueryParams q) {
    for (String kv : q.all("node-meta")) {
      int colon = kv.indexOf(':');
      String k = colon < 0 ? kv : kv.substring(0, colon);
      String v = colon < 0 ? "" : kv.substring(colon + 1);
      if (!v.equals(n.meta().get(k))) {
        return false;
      }
    }
    return true;
  }
}
