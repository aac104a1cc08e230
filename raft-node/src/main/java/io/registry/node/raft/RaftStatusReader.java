package io.registry.node.raft;

import io.registry.node.api.RaftStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;

/** Reads one consistent-enough picture of a division for headers and /v1/status. */
final class RaftStatusReader {
  private RaftStatusReader() {}

  static RaftStatus read(
      RaftServer.Division division, NodeLayout layout, Function<RaftPeerId, String> addressOf) {
    DivisionInfo info = division.getInfo();
    RaftPeerId leaderId = info.getLeaderId();
    boolean knownLeader = leaderId != null;
    String leaderAddress = leaderId == null ? "" : addressOf.apply(leaderId);
    String state = info.getCurrentRole().name().toLowerCase(Locale.ROOT);
    long lastContact;
    if (info.isLeader()) {
      lastContact = 0;
    } else {
      RoleInfoProto role = info.getRoleInfoProto();
      lastContact = role.hasFollowerInfo() && role.getFollowerInfo().hasLeaderInfo()
          ? role.getFollowerInfo().getLeaderInfo().getLastRpcElapsedTimeMs()
          : -1;
    }
    RaftLog log = division.getRaftLog();
    TermIndex last = log.getLastEntryTermIndex();
    List<String> peers = new ArrayList<>();
    for (RaftPeer p : division.getRaftConf().getCurrentPeers()) {
      String a = addressOf.apply(p.getId());
      if (!a.isEmpty()) {
        peers.add(a);
      }
    }
    peers.sort(null);
    return new RaftStatus(
        leaderAddress,
        peers,
        knownLeader,
        lastContact,
        state,
        info.getCurrentTerm(),
        log.getLastCommittedIndex(),
        info.getLastAppliedIndex(),
        last == null ? 0 : last.getIndex());
  }
}
