package io.registry.node.membership;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.ServerChange;
import java.time.Duration;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful leave of a server (membership.md sec. 3): hand leadership over if it leads, then
 * have the leader remove it (leaving, conf change, left). The leader refuses when the rest
 * would lose quorum; without a leader it gives up after the leave wait. Either way it throws
 * and the server stays as it was, unless {@code force}: then it returns so the server shuts
 * down, still in the Raft configuration.
 */
final class Leave {
  private static final Logger LOG = LoggerFactory.getLogger(Leave.class);
  private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(5);
  // membership.md sec. 8; an election after the transfer fits well inside it.
  private static final Duration LEAVE_WAIT = Duration.ofSeconds(10);
  private static final String NO_LEADER = "No cluster leader";

  private final ClusterMembership m;
  private final RaftHandle raft;
  private final PeerChanges changes;

  Leave(ClusterMembership membership, RaftHandle raft, PeerChanges changes) {
    this.m = membership;
    this.raft = raft;
    this.changes = changes;
  }

  /**
   * Returns once this server is out of the configuration (true), or, with force, gave up
   * (false: it stays in the configuration).
   *
   * @throws IllegalStateException "leave refused: ..." or "leave failed: ..."
   */
  boolean run(boolean force) {
    ServerEntry me = m.self.entry(raft.selfPeerId().toString());
    if (raft.division().getInfo().isLeader() && !refusedHere()) {
      transfer();
    }
    String lastError = NO_LEADER;
    long deadline = System.nanoTime() + LEAVE_WAIT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      try {
        if (changes.isLeader()) {
          changes.remove(me, true); // the transfer failed: remove ourselves as leader
        } else {
          String leader = m.leaderRpcAddress();
          if (leader.isEmpty()) {
            lastError = NO_LEADER;
            sleep();
            continue;
          }
          m.rpc.to(leader, Duration.ofSeconds(15)).removeServer(
              ServerChange.newBuilder().setFrom(m.identity()).setServer(me.toProto())
                  .setLeave(true).build());
        }
        LOG.info("Graceful leave complete");
        return true;
      } catch (RefusedException e) {
        return giveUp(e.getMessage(), force);
      } catch (StatusRuntimeException e) {
        RuntimeException t = RpcClients.translate(e);
        if (t instanceof RefusedException refused) {
          return giveUp(refused.getMessage(), force);
        }
        // A leader we cannot reach is, for the operator, no leader.
        lastError = e.getStatus().getCode() == Status.Code.UNAVAILABLE ? NO_LEADER
            : t.getMessage();
        LOG.info("Leave via the leader failed ({}); retrying", t.getMessage());
      } catch (RuntimeException e) {
        lastError = e.getMessage();
        LOG.info("Leave failed ({}); retrying", lastError);
      }
      sleep();
    }
    return giveUp("leave failed: " + lastError, force);
  }

  // A leader whose own removal the rule refuses keeps leadership: handing it over first
  // would only disturb a cluster the server is not going to leave.
  private boolean refusedHere() {
    RemovalRule rule = LeaderHealth.forRemoval(raft.division(), raft.selfPeerId(),
        RaftPeerId::toString);
    return !rule.allows();
  }

  private static boolean giveUp(String why, boolean force) {
    if (!force) {
      throw new IllegalStateException(why);
    }
    LOG.warn("{}; -force: shutting down and leaving the Raft configuration as it is", why);
    return false;
  }

  private void transfer() {
    for (RaftPeerId id : LeaderHealth.transferCandidates(raft.division())) {
      try {
        var reply = raft.client().admin().transferLeadership(id, TRANSFER_TIMEOUT.toMillis());
        if (reply.isSuccess()) {
          LOG.info("Leadership transferred to {}", m.serverAddressOf(id));
          return;
        }
      } catch (Exception e) {
        LOG.info("Leadership transfer to {} failed: {}", id, e.getMessage());
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
