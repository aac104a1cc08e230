package io.registry.node.membership;

import io.grpc.StatusRuntimeException;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.model.Member;
import io.registry.node.api.NoLeaderException;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.ServerChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.server.RaftConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer-set changes (membership.md sec. 3), run one at a time on the leader; a follower hands
 * them to the leader. Each is a COMPARE_AND_SET against the conf just read, with the full
 * server list and no listeners (pitfalls P7 and P9).
 */
final class PeerChanges {
  private static final Logger LOG = LoggerFactory.getLogger(PeerChanges.class);
  private static final Duration JOIN_BUDGET = Duration.ofSeconds(60);

  private final ClusterMembership m;
  private final RaftHandle raft;

  PeerChanges(ClusterMembership membership, RaftHandle raft) {
    this.m = membership;
    this.raft = raft;
  }

  /** Adds a server as a voter; a server already in the conf is a success. */
  void add(ServerEntry server) {
    if (!isLeader()) {
      forward(server, true, false);
      return;
    }
    synchronized (this) {
      RaftConfiguration conf = raft.division().getRaftConf();
      List<RaftPeer> current = new ArrayList<>(conf.getCurrentPeers(RaftPeerRole.FOLLOWER));
      if (current.stream().anyMatch(p -> p.getId().toString().equals(server.raftPeerId()))) {
        return;
      }
      List<RaftPeer> next = new ArrayList<>(current);
      next.add(RaftPeer.newBuilder().setId(server.raftPeerId()).setAddress(server.raftAddress())
          .build());
      m.directory.put(server);
      setConfiguration(conf, current, next);
      LOG.info("Added server {} ({}) as a voter; {} voters", server.name(), server.raftPeerId(),
          next.size());
      if (next.size() % 2 == 0) {
        LOG.warn("An even number of voters ({}) tolerates no more failures than one fewer",
            next.size());
      }
    }
  }

  /**
   * Removes a server: member status leaving, the conf change, then left (which also takes
   * its node, services and checks out of the catalog). Refused, with nothing written, when
   * the voters left would not make a quorum ({@link RemovalRule}); {@code leave} says the
   * server asked to remove itself, which words the refusal for leave -force.
   */
  void remove(ServerEntry server, boolean leave) {
    if (!isLeader()) {
      forward(server, false, leave);
      return;
    }
    synchronized (this) {
      RaftConfiguration conf = raft.division().getRaftConf();
      List<RaftPeer> current = new ArrayList<>(conf.getCurrentPeers(RaftPeerRole.FOLLOWER));
      List<RaftPeer> next = current.stream()
          .filter(p -> !p.getId().toString().equals(server.raftPeerId())).toList();
      if (next.size() != current.size()) {
        RemovalRule rule = LeaderHealth.forRemoval(raft.division(), id(server), this::nameOf);
        if (!rule.allows()) {
          String why = rule.refusal(nameOf(id(server)), leave);
          LOG.warn("{}", why);
          throw new RefusedException(why);
        }
      }
      Member row = raft.catalog().members().stream()
          .filter(r -> r.nodeId().equals(server.nodeId())).findFirst().orElse(null);
      if (row != null) {
        status(row, Member.LEAVING);
      }
      if (next.size() != current.size()) {
        setConfiguration(conf, current, next);
      }
      if (row != null) {
        status(row, Member.LEFT);
      }
      LOG.info("Removed server {} ({}); {} voters", server.name(), server.raftPeerId(),
          next.size());
    }
  }

  // A voter's server name for messages; its peer id when the directory does not know it.
  private String nameOf(RaftPeerId peer) {
    ServerEntry e = m.directory.entry(peer.toString(), raft.catalog());
    return e == null || e.name().isEmpty() ? peer.toString() : e.name();
  }

  /** A joining server: asks whoever answers to have the leader add it, until it is in. */
  void askToBeAdded(ClusterFile f, ServerEntry self) {
    long deadline = System.nanoTime() + JOIN_BUDGET.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (ServerEntry peer : f.peers()) {
        try {
          m.rpc.to(peer.rpcAddress(), Duration.ofSeconds(30))
              .addServer(ServerChange.newBuilder().setFrom(m.identity())
                  .setServer(self.toProto()).build());
          LOG.info("Joined cluster {} as a voter", f.clusterId());
          return;
        } catch (StatusRuntimeException e) {
          LOG.info("AddServer via {} failed: {}", peer.rpcAddress(),
              RpcClients.translate(e).getMessage());
        }
      }
      sleep(500);
    }
    throw new IllegalStateException("Failed to join any nodes.");
  }

  void status(Member row, String status) {
    MemberUpdate update = MemberUpdate.newBuilder()
        .setNode(row.name()).setNodeId(row.nodeId()).setStatus(status).setAddr(row.addr())
        .setPort(row.port()).putAllTags(row.tags()).setRole(row.role()).build();
    var result = raft.write(Command.newBuilder().setMemberUpdate(update).build()).join();
    if (!result.ok()) {
      throw new IllegalStateException("member " + status + " rejected: " + result.error());
    }
  }

  boolean isLeader() {
    var info = raft.division().getInfo();
    return info.isLeader() && info.isLeaderReady();
  }

  private void forward(ServerEntry server, boolean add, boolean leave) {
    String leader = m.leaderRpcAddress();
    if (leader.isEmpty() || leader.equals(m.self.rpcAddress())) {
      throw new NoLeaderException();
    }
    ServerChange change =
        ServerChange.newBuilder().setFrom(m.identity()).setServer(server.toProto())
            .setLeave(leave).build();
    try {
      var stub = m.rpc.to(leader, Duration.ofSeconds(30));
      if (add) {
        stub.addServer(change);
      } else {
        stub.removeServer(change);
      }
    } catch (StatusRuntimeException e) {
      throw RpcClients.translate(e);
    }
  }

  private void setConfiguration(RaftConfiguration conf, List<RaftPeer> current,
      List<RaftPeer> next) {
    SetConfigurationRequest.Arguments args = SetConfigurationRequest.Arguments.newBuilder()
        .setServersInCurrentConf(current)
        .setListenersInCurrentConf(new ArrayList<>(conf.getCurrentPeers(RaftPeerRole.LISTENER)))
        .setServersInNewConf(next)
        .setListenersInNewConf(List.of())
        .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET)
        .build();
    try {
      RaftClientReply reply = raft.client().admin().setConfiguration(args);
      if (!reply.isSuccess()) {
        throw new IllegalStateException("configuration change failed: " + reply.getException());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("configuration change failed", e);
    }
  }

  static RaftPeerId id(ServerEntry s) {
    return RaftPeerId.valueOf(s.raftPeerId());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
