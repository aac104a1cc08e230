package io.registry.node.membership;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.MemberReap;
import io.registry.catalog.model.Member;
import io.registry.catalog.table.MemberRows;
import io.registry.node.leader.ReapActions;
import io.registry.node.raft.RaftHandle;
import java.util.concurrent.TimeUnit;

/** The reaper's writes on a server: member rows through Raft, servers through PeerChanges. */
final class ReapWrites implements ReapActions {
  private final RaftHandle raft;
  private final PeerChanges changes;
  private final ServerDirectory directory;

  ReapWrites(RaftHandle raft, PeerChanges changes, ServerDirectory directory) {
    this.raft = raft;
    this.changes = changes;
    this.directory = directory;
  }

  @Override
  public void schedule(Member row, long reapAtMs) {
    write(Command.newBuilder().setMemberUpdate(MemberRows.row(row).toBuilder()
        .setReapAtMs(reapAtMs).setIfModifyIndex(row.modifyIndex())).build());
  }

  @Override
  public Member removeServer(Member row) {
    String peerId = row.tags().getOrDefault("raft_id", "");
    ServerEntry server = peerId.isEmpty() ? null : directory.entry(peerId, raft.catalog());
    if (server != null) {
      changes.remove(server, false); // leaving, conf without it, left; the removal rule applies
    }
    return raft.catalog().member(row.name());
  }

  @Override
  public void reap(Member row) {
    write(Command.newBuilder().setMemberReap(
        MemberReap.newBuilder().setNode(row.name()).setIfModifyIndex(row.modifyIndex())).build());
  }

  private void write(Command command) {
    var result = raft.write(command).orTimeout(10, TimeUnit.SECONDS).join();
    if (!result.ok()) {
      throw new IllegalStateException(result.error());
    }
  }
}
