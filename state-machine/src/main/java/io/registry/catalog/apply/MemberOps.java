package io.registry.catalog.apply;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.index.Changes;
import io.registry.catalog.index.WatchKeys;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Member;
import io.registry.catalog.table.MemberRows;
import io.registry.catalog.table.Tables;
import java.util.Set;

/**
 * MemberUpdate and MemberReap (catalog.md sec. 2). The member row and the node's serfHealth
 * check change in the same command, so a member is never alive with a critical serfHealth or
 * the other way round. Written only on a status change: liveness itself stays in memory.
 */
final class MemberOps {
  static final String SERF_CHECK_ID = "serfHealth";
  static final String ALIVE_OUTPUT = "Agent alive and reachable";
  static final String FAILED_OUTPUT = "Agent not live or unreachable";
  private static final Set<String> STATUSES =
      Set.of(Member.ALIVE, Member.LEAVING, Member.LEFT, Member.FAILED);

  private MemberOps() {}

  /** Returns null on success, else the error text; nothing changed on error. */
  static String update(Tables tables, Changes changes, MemberUpdate command) {
    if (command.getNode().isEmpty()) {
      return "Must provide node";
    }
    if (!STATUSES.contains(command.getStatus())) {
      return "Invalid member status: " + command.getStatus();
    }
    NodeRow nodeRow = command.hasNodeRow() ? command.getNodeRow() : defaultRow(command);
    if (command.getStatus().equals(Member.ALIVE) && nodeRow.getAddress().isEmpty()) {
      return "Must provide address";
    }
    // The catalog side first: RegisterOp checks every rule before it changes anything, so
    // a refused node row leaves the member row untouched too.
    String error =
        switch (command.getStatus()) {
          // Without a full row, a known node keeps its row (tagged addresses, meta).
          case Member.ALIVE ->
              serfHealth(tables, changes, nodeRow,
                  !command.hasNodeRow() && tables.node(command.getNode()) != null,
                  Check.PASSING, ALIVE_OUTPUT);
          case Member.FAILED ->
              tables.node(command.getNode()) == null
                  ? null
                  : serfHealth(tables, changes, nodeRow, true, Check.CRITICAL, FAILED_OUTPUT);
          case Member.LEFT ->
              DeregisterOp.apply(
                  tables, changes, Deregister.newBuilder().setNode(command.getNode()).build());
          default -> null; // leaving: the member row only; the node serves until it is out
        };
    if (error != null) {
      return error;
    }
    Member old = tables.member(command.getNode());
    long create = old == null ? changes.index() : old.createIndex();
    MemberUpdate stored = command.toBuilder().clearNodeRow().build();
    Member next = MemberRows.member(stored, create, changes.index());
    if (!next.sameAs(old)) {
      tables.putMember(next);
      changes.bump(WatchKeys.MEMBERS);
    }
    return null;
  }

  static void reap(Tables tables, Changes changes, String node) {
    if (tables.member(node) != null) {
      tables.removeMember(node);
      changes.bump(WatchKeys.MEMBERS);
    }
  }

  private static String serfHealth(
      Tables tables, Changes changes, NodeRow node, boolean skipNode, String status,
      String output) {
    CheckRow check =
        CheckRow.newBuilder()
            .setCheckId(SERF_CHECK_ID)
            .setName("Serf Health Status")
            .setStatus(status)
            .setOutput(output)
            .build();
    return RegisterOp.apply(
        tables,
        changes,
        Register.newBuilder().setNode(node).setSkipNodeUpdate(skipNode).addChecks(check).build());
  }

  private static NodeRow defaultRow(MemberUpdate command) {
    return NodeRow.newBuilder()
        .setName(command.getNode())
        .setId(command.getNodeId())
        .setAddress(command.getAddr())
        .build();
  }
}
