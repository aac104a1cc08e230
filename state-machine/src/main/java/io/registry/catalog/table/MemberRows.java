package io.registry.catalog.table;

import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.model.Member;

/** Converts member rows between their command/snapshot form and the model record. */
public final class MemberRows {
  private MemberRows() {}

  public static Member member(MemberUpdate row, long create, long modify) {
    return new Member(row.getNode(), row.getNodeId(), row.getStatus(), row.getAddr(),
        row.getPort(), row.getTagsMap(), row.getRole(), row.getReapAtMs(), create, modify);
  }

  public static MemberUpdate row(Member m) {
    return MemberUpdate.newBuilder()
        .setNode(m.name())
        .setNodeId(m.nodeId())
        .setStatus(m.status())
        .setAddr(m.addr())
        .setPort(m.port())
        .putAllTags(m.tags())
        .setRole(m.role())
        .setReapAtMs(m.reapAtMs())
        .build();
  }
}
