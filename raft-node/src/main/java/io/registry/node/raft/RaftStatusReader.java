package io.registry.node.raft;

import io.registry.node.api.RaftStatus;
import java.util.List;
import java.util.Locale;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;

/** Reads one consistent-enough picture of a division for headers and /v1/status. */
final class RaftStatusReader {
  private RaftStatusReader() {}

  static RaftStatus read(RaftServer.Division division, NodeLayout layout) {
    DivisionInfo info = division.getInfo();
    RaftPeerId leaderId = info.getLeaderId();
    boolean knownLeader = leaderId != null;
    String leaderAddress = "";
    if (layout.peerId().equals(leaderId)) {
      leaderAddress = layout.self().serverAddress();
    }
    // TODO(#3 follow-up): map another leader's peer id to its server address once groups
    // have several servers.
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
    List<String> peers = List.of(layout.self().serverAddress());
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
