package io.registry.node.membership;

import io.registry.catalog.Catalog;
import io.registry.node.api.Member;
import java.util.Comparator;
import java.util.List;

/** The replicated member rows as /v1/agent/members shows them (Serf's status numbers). */
final class MemberView {
  private MemberView() {}

  static List<Member> members(Catalog catalog) {
    return catalog.members().stream()
        .sorted(Comparator.comparing((io.registry.catalog.model.Member m) ->
                !"server".equals(m.role()))
            .thenComparing(io.registry.catalog.model.Member::name))
        .map(m -> new Member(m.name(), m.addr(), m.port(), m.tags(), status(m.status())))
        .toList();
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
