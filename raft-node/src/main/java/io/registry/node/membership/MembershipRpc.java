package io.registry.node.membership;

import io.registry.catalog.command.Command;
import io.registry.node.api.NoLeaderException;
import io.registry.node.liveness.Liveness;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.ClusterHandler;
import io.registry.node.rpc.NodeRowsCodec;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.proto.Ack;
import io.registry.node.rpc.proto.CommitRequest;
import io.registry.node.rpc.proto.ForwardReply;
import io.registry.node.rpc.proto.ForwardRequest;
import io.registry.node.rpc.proto.HeartbeatReply;
import io.registry.node.rpc.proto.HeartbeatRequest;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.HelloRequest;
import io.registry.node.rpc.proto.Identity;
import io.registry.node.rpc.proto.NodeRowsReply;
import io.registry.node.rpc.proto.NodeRowsRequest;
import io.registry.node.rpc.proto.PrepareRequest;
import io.registry.node.rpc.proto.PromiseReply;
import io.registry.node.rpc.proto.ReleaseRequest;
import io.registry.node.rpc.proto.ServerChange;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's answers on the internal RPC port (cluster.proto): every call is first checked
 * for datacenter and cluster id, then served from the {@link ClusterMembership} state.
 */
final class MembershipRpc implements ClusterHandler {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipRpc.class);

  private final ClusterMembership m;

  MembershipRpc(ClusterMembership membership) {
    this.m = membership;
  }

  @Override
  public HelloReply hello(HelloRequest request) {
    Identity from = request.getFrom();
    m.check(from);
    boolean formed = m.cluster() != null;
    if (!formed && from.getClusterId().isEmpty() && from.getServer()) {
      m.forming.requireSameExpect(from);
      m.forming.saw(from);
    }
    NameClaims.check(m.raft(), from.getName(), from.getNodeId());
    HelloReply.Builder reply = HelloReply.newBuilder().setResponder(m.identity()).setFormed(formed);
    List<ServerEntry> servers = formed ? m.voters() : m.forming.servers();
    Map<String, String> http = m.httpAddresses();
    servers.forEach(s -> reply.addServers(
        s.toProto().toBuilder().setHttpAddress(http.getOrDefault(s.name(), ""))));
    reply.setLeaderRpcAddress(m.leaderRpcAddress());
    return reply.build();
  }

  @Override
  public PromiseReply prepare(PrepareRequest request) {
    m.check(request.getFrom());
    PromiseReply.Builder reply = PromiseReply.newBuilder();
    m.forming.servers().forEach(s -> reply.addKnown(s.toProto()));
    if (m.cluster() != null) {
      return reply.setGranted(false).setReason("already formed cluster " + m.clusterId()).build();
    }
    m.forming.saw(request.getFrom());
    String refusal = m.forming.promise(request.getFrom().getNodeId(),
        request.getProposedList().stream().map(ServerEntry::of).toList());
    return refusal == null
        ? reply.setGranted(true).build()
        : reply.setGranted(false).setReason(refusal).build();
  }

  @Override
  public Ack release(ReleaseRequest request) {
    m.check(request.getFrom());
    m.forming.release(request.getFrom().getNodeId());
    return Ack.getDefaultInstance();
  }

  @Override
  public Ack commit(CommitRequest request) {
    m.check(request.getFrom());
    List<ServerEntry> peers = request.getPeersList().stream().map(ServerEntry::of).toList();
    ServerEntry me = peers.stream().filter(p -> p.nodeId().equals(m.self.nodeId())).findFirst()
        .orElseThrow(() ->
            new RefusedException(m.self.name() + " is not in the committed peers"));
    // The membership's monitor, as adopt() takes it: COMMIT and a concurrent adoption agree.
    synchronized (m) {
      ClusterFile cluster = m.cluster();
      if (cluster != null) {
        if (!cluster.clusterId().equals(request.getClusterId())) {
          throw new RefusedException("cluster id mismatch: this node belongs to " + m.clusterId()
              + ", commit is for " + request.getClusterId());
        }
        return Ack.getDefaultInstance();
      }
      m.adopt(new ClusterFile(request.getClusterId(), m.self.datacenter(), me.raftPeerId(),
          m.self.bootstrapExpect(), peers, ClusterFile.MEMBER));
    }
    LOG.info("Committed to cluster {} proposed by {}", request.getClusterId(),
        request.getFrom().getName());
    return Ack.getDefaultInstance();
  }

  @Override
  public Ack addServer(ServerChange request) {
    m.check(request.getFrom());
    PeerChanges changes = m.requireRaft();
    NameClaims.replaceFailedServer(m.raft(), changes, m.directory, ServerEntry.of(request.getServer()));
    changes.add(ServerEntry.of(request.getServer()));
    return Ack.getDefaultInstance();
  }

  @Override
  public Ack removeServer(ServerChange request) {
    m.check(request.getFrom());
    m.requireRaft().remove(ServerEntry.of(request.getServer()), request.getLeave());
    return Ack.getDefaultInstance();
  }

  @Override
  public HeartbeatReply heartbeat(HeartbeatRequest request) {
    m.check(request.getFrom());
    Liveness l = m.liveness();
    if (l != null) {
      l.heard(request.getFrom().getName());
    }
    RaftHandle r = m.raft();
    String name = request.getFrom().getName();
    return HeartbeatReply.newBuilder().setLeaderRpcAddress(m.leaderRpcAddress())
        .setAnnounceAgain(r != null && announceAgain(r.catalog(), name)).build();
  }


  @Override
  public ForwardReply forward(ForwardRequest request) {
    m.check(request.getFrom());
    RaftHandle r = m.raft();
    if (r == null) {
      throw new NoLeaderException();
    }
    try {
      Command command = Command.parseFrom(request.getCommand());
      NameClaims.check(r, command);
      var result = r.write(command).join();
      var encoded = io.registry.catalog.command.CommandResult.newBuilder()
          .setOk(result.ok()).setValue(result.value())
          .setError(result.error() == null ? "" : result.error()).build();
      return ForwardReply.newBuilder().setResult(encoded.toByteString())
          .setIndex(result.index()).build();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("undecodable forwarded command", e);
    }
  }

  @Override
  public NodeRowsReply nodeRows(NodeRowsRequest request) {
    m.check(request.getFrom());
    RaftHandle r = m.raft();
    return NodeRowsCodec.answer(r == null ? null : r.catalog(), request.getFrom().getName());
  }

  // No member row (reaped while cut off), or alive without its node (someone deregistered
  // the node through the catalog API): the sender should write itself alive again. A left
  // or failed member is never asked to.
  private static boolean announceAgain(io.registry.catalog.Catalog catalog, String name) {
    var row = catalog.member(name);
    if (row == null) {
      return true;
    }
    var node = catalog.node(name).value();
    return io.registry.catalog.model.Member.ALIVE.equals(row.status())
        && (node == null || node.node() == null);
  }
}
