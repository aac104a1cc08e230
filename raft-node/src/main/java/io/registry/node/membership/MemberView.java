package io.registry.node.membership;

import io.registry.catalog.Catalog;
import io.registry.node.api.Member;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The replicated member rows as /v1/agent/members shows them (Serf's status numbers). */
final class MemberView {
  static final String REAP_AT_TAG = "reap_at";

  private MemberView() {}

  static List<Member> members(Catalog catalog) {
    return catalog.members().stream()
        .sorted(Comparator.comparing((io.registry.catalog.model.Member m) ->
                !"server".equals(m.role()))
            .thenComparing(io.registry.catalog.model.Member::name))
        .map(m -> new Member(m.name(), m.addr(), m.port(), tags(m), status(m.status())))
        .toList();
  }

  // A scheduled reap shows as tag reap_at (RFC 3339, UTC), which `members -detailed` prints
  // with the other tags; Serf has no such tag, so no Consul tool reads it.
  private static Map<String, String> tags(io.registry.catalog.model.Member m) {
    if (m.reapAtMs() == 0) {
      return m.tags();
    }
    Map<String, String> out = new TreeMap<>(m.tags());
    out.put(REAP_AT_TAG, Instant.ofEpochMilli(m.reapAtMs()).toString());
    return out;
  }

  static int status(String status) {
    return switch (status) {
      case io.registry.catalog.model.Member.ALIVE -> 1;
      case io.registry.catalog.model.Member.LEAVING -> 2;
      case io.registry.catalog.model.Member.LEFT -> 3;
      case io.registry.catalog.model.Member.FAILED -> 4;
      default -> 0;
    };
  }
}
