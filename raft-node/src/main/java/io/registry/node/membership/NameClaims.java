package io.registry.node.membership;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.Member;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use a node name (membership.md sec. 2 and 3): a name held by another node-id that
 * is alive or leaving is refused, on hello (where the newcomer's start fails with the text),
 * on AddServer and on a client's forwarded alive write (a second chance when two newcomers
 * raced). A left holder frees the name; a failed server holder is replaced (remove, then add).
 * Decided on the answering server's replica: a stale one can only let a race through to the
 * leader's AddServer check, or refuse a name that was just freed (the newcomer retries).
 */
final class NameClaims {
  private static final Logger LOG = LoggerFactory.getLogger(NameClaims.class);

  private NameClaims() {}

  /** The row holding {@code name} under another node-id, null when the name is free to use. */
  static Member holder(Catalog catalog, String name, String nodeId) {
    if (catalog == null || nodeId.isEmpty()) {
      return null;
    }
    return catalog.members().stream()
        .filter(m -> m.name().equalsIgnoreCase(name) && !m.nodeId().isEmpty()
            && !m.nodeId().equalsIgnoreCase(nodeId) && !Member.LEFT.equals(m.status()))
        .findFirst().orElse(null);
  }

  /** Throws the refusal when a live node holds the name; a failed holder passes. */
  static void check(RaftHandle raft, String name, String nodeId) {
    Member held = raft == null ? null : holder(raft.catalog(), name, nodeId);
    if (held != null && !Member.FAILED.equals(held.status())) {
      throw new RefusedException("node name " + name + " is in use by node-id " + held.nodeId());
    }
  }

  /** A forwarded write: only a member's own alive row claims a name. */
  static void check(RaftHandle raft, Command command) {
    if (command.hasMemberUpdate() && Member.ALIVE.equals(command.getMemberUpdate().getStatus())) {
      check(raft, command.getMemberUpdate().getNode(), command.getMemberUpdate().getNodeId());
    }
  }

  /**
   * On the leader, before a server is added: a failed server holding its name (a wiped disk
   * coming back under a new node-id) leaves the Raft configuration first, through the ordinary
   * removal path, so the peer set never holds both.
   */
  static void replaceFailedServer(RaftHandle raft, PeerChanges changes,
      ServerDirectory directory, ServerEntry newcomer) {
    check(raft, newcomer.name(), newcomer.nodeId());
    Member held = holder(raft.catalog(), newcomer.name(), newcomer.nodeId());
    if (held == null || !"server".equals(held.role()) || !changes.isLeader()) {
      return;
    }
    String peerId = held.tags().getOrDefault("raft_id", "");
    ServerEntry old = peerId.isEmpty() ? null : directory.entry(peerId, raft.catalog());
    LOG.warn("replacing failed server {} ({}) with new id {}", held.name(), held.nodeId(),
        newcomer.nodeId());
    if (old != null) {
      changes.remove(old, false);
    }
  }
}
