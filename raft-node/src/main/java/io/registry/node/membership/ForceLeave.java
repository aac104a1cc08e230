package io.registry.node.membership;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.MemberReap;
import io.registry.catalog.model.Member;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * force-leave of a failed member (membership.md sec. 3, consul-api.md sec. 4.1): a server's
 * peer leaves the Raft configuration first (at the leader, via {@link PeerChanges}), then the
 * member is written {@code left}, which deregisters its node; {@code prune} also drops the row.
 */
final class ForceLeave {
  private static final Logger LOG = LoggerFactory.getLogger(ForceLeave.class);

  private final RaftHandle raft;
  private final PeerChanges changes;
  private final ServerDirectory directory;

  ForceLeave(RaftHandle raft, PeerChanges changes, ServerDirectory directory) {
    this.raft = raft;
    this.changes = changes;
    this.directory = directory;
  }

  void run(String node, boolean prune) {
    // The local replica decides "unknown" and "alive": a stale answer can only refuse a
    // force-leave the operator may retry, never remove a live server.
    Member row = raft.catalog().member(node);
    if (row == null) {
      throw new IllegalArgumentException("Unknown node " + node);
    }
    if (Member.ALIVE.equals(row.status())) {
      throw new IllegalStateException("node " + node + " is alive; run leave on it");
    }
    if (Member.FAILED.equals(row.status())) {
      String peerId = row.tags().getOrDefault("raft_id", "");
      ServerEntry server = "server".equals(row.role()) && !peerId.isEmpty()
          ? directory.entry(peerId, raft.catalog()) : null;
      if (server != null) {
        try {
          changes.remove(server, false); // conf without it, then left; forwarded when not leader
        } catch (RefusedException e) {
          throw new IllegalStateException(e.getMessage());
        }
      } else {
        changes.status(row, Member.LEFT);
      }
      LOG.info("Force-left {}", node);
    }
    if (prune) {
      var result = raft.write(Command.newBuilder()
          .setMemberReap(MemberReap.newBuilder().setNode(node)).build()).join();
      if (!result.ok()) {
        throw new IllegalStateException("prune of " + node + " rejected: " + result.error());
      }
      LOG.info("Pruned member {}", node);
    }
  }
}
