package io.registry.catalog.apply;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.MemberReap;
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
    String changed = changedSince(tables, command.getNode(), command.getIfModifyIndex());
    if (changed != null) {
      return changed;
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
    MemberUpdate stored = command.toBuilder().clearNodeRow().clearIfModifyIndex().build();
    Member next = MemberRows.member(stored, create, changes.index());
    if (!next.sameAs(old)) {
      tables.putMember(next);
      changes.bump(WatchKeys.MEMBERS);
    }
    return null;
  }

  /** Returns null on success, else the error text; nothing changed on error. */
  static String reap(Tables tables, Changes changes, MemberReap command) {
    String node = command.getNode();
    String changed = changedSince(tables, node, command.getIfModifyIndex());
    if (changed != null) {
      return changed;
    }
    Member row = tables.member(node);
    if (row == null) {
      return null;
    }
    // Only a failed member still has a node here; a left one lost it at left, and a node
    // registered since under the same name belongs to somebody else.
    if (Member.FAILED.equals(row.status())) {
      String error = DeregisterOp.apply(
          tables, changes, Deregister.newBuilder().setNode(node).build());
      if (error != null) {
        return error;
      }
    }
    tables.removeMember(node);
    changes.bump(WatchKeys.MEMBERS);
    return null;
  }

  // The compare of a compare-and-set member write; 0 compares nothing.
  private static String changedSince(Tables tables, String node, long ifModifyIndex) {
    if (ifModifyIndex == 0) {
      return null;
    }
    Member row = tables.member(node);
    if (row == null || row.modifyIndex() != ifModifyIndex) {
      return "member " + node + " changed since index " + ifModifyIndex;
    }
    return null;
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
