package io.registry.node.membership;

import io.grpc.StatusRuntimeException;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.ServerChange;
import java.time.Duration;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful leave of a server (membership.md sec. 3): hand leadership over if it leads, then
 * have the leader remove it (leaving, conf change, left). Gives up after the leave wait.
 */
final class Leave {
  private static final Logger LOG = LoggerFactory.getLogger(Leave.class);
  private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration LEAVE_WAIT = Duration.ofSeconds(20);

  private final ClusterMembership m;
  private final RaftHandle raft;
  private final PeerChanges changes;

  Leave(ClusterMembership membership, RaftHandle raft, PeerChanges changes) {
    this.m = membership;
    this.raft = raft;
    this.changes = changes;
  }

  void run() {
    ServerEntry me = m.self.entry(raft.selfPeerId().toString());
    if (raft.division().getInfo().isLeader()) {
      transfer();
    }
    long deadline = System.nanoTime() + LEAVE_WAIT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      try {
        if (changes.isLeader()) {
          changes.remove(me); // the transfer failed: remove ourselves as leader
        } else {
          String leader = m.leaderRpcAddress();
          if (leader.isEmpty()) {
            sleep();
            continue;
          }
          m.rpc.to(leader, Duration.ofSeconds(15)).removeServer(
              ServerChange.newBuilder().setFrom(m.identity()).setServer(me.toProto()).build());
        }
        LOG.info("Graceful leave complete");
        return;
      } catch (StatusRuntimeException e) {
        LOG.info("Leave via the leader failed ({}); retrying",
            RpcClients.translate(e).getMessage());
      } catch (RuntimeException e) {
        LOG.info("Leave failed ({}); retrying", e.getMessage());
      }
      sleep();
    }
    throw new IllegalStateException("leave did not complete within " + LEAVE_WAIT.toSeconds()
        + " s; this server may still be in the Raft configuration");
  }

  private void transfer() {
    for (RaftPeer p : raft.division().getRaftConf().getCurrentPeers()) {
      RaftPeerId id = p.getId();
      if (id.equals(raft.selfPeerId())) {
        continue;
      }
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
