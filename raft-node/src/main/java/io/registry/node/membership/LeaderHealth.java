package io.registry.node.membership;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/**
 * Reads on the leader which voters count as healthy for {@link RemovalRule}: the leader
 * itself, and every follower that answered an RPC within 2 x the max election timeout
 * ({@code lastRpcElapsedTimeMs} of the leader's RoleInfo). Twice the timeout, so that one
 * slow heartbeat round on a loaded machine does not make a live follower look dead.
 */
final class LeaderHealth {
  private LeaderHealth() {
  }

  /** The rule for removing {@code removed} from the current voters, names from {@code name}. */
  static RemovalRule forRemoval(RaftServer.Division leader, RaftPeerId removed,
      Function<RaftPeerId, String> name) {
    long limitMs = 2L * leader.properties().maxRpcTimeoutMs();
    Set<RaftPeerId> healthy = new HashSet<>();
    healthy.add(leader.getId());
    RoleInfoProto role = leader.getInfo().getRoleInfoProto();
    if (role.hasLeaderInfo()) {
      for (ServerRpcProto f : role.getLeaderInfo().getFollowerInfoList()) {
        if (f.getLastRpcElapsedTimeMs() <= limitMs) {
          healthy.add(RaftPeerId.valueOf(f.getId().getId()));
        }
      }
    }
    List<RaftPeerId> remaining = leader.getRaftConf().getCurrentPeers().stream()
        .map(RaftPeer::getId).filter(id -> !id.equals(removed)).toList();
    Set<String> healthyNames = new HashSet<>();
    remaining.stream().filter(healthy::contains).forEach(id -> healthyNames.add(name.apply(id)));
    return new RemovalRule(remaining.stream().map(name).toList(), healthyNames);
  }

  /**
   * The followers to hand leadership to, most recently heard first; those silent for longer
   * than the health limit are left out, so a leave never waits out a transfer to a dead peer.
   */
  static List<RaftPeerId> transferCandidates(RaftServer.Division leader) {
    long limitMs = 2L * leader.properties().maxRpcTimeoutMs();
    RoleInfoProto role = leader.getInfo().getRoleInfoProto();
    if (!role.hasLeaderInfo()) {
      return List.of();
    }
    return role.getLeaderInfo().getFollowerInfoList().stream()
        .filter(f -> f.getLastRpcElapsedTimeMs() <= limitMs)
        .sorted(java.util.Comparator.comparingLong(ServerRpcProto::getLastRpcElapsedTimeMs))
        .map(f -> RaftPeerId.valueOf(f.getId().getId()))
        .toList();
  }
}
