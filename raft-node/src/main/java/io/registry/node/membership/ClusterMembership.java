package io.registry.node.membership;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.InitCluster;
import io.registry.catalog.command.MemberUpdate;
import io.registry.node.api.Member;
import io.registry.node.api.NoLeaderException;
import io.registry.node.config.ClusterOptions;
import io.registry.node.leader.Reaper;
import io.registry.node.liveness.Liveness;
import io.registry.node.raft.Clustering;
import io.registry.node.raft.NodeLayout;
import io.registry.node.raft.RaftHandle;
import io.registry.node.raft.SelfRegistration;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.RpcServer;
import io.registry.node.rpc.proto.Identity;
import io.registry.node.storage.LeftMarker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster layer of one server: holds its cluster state, forms or joins the cluster at
 * start ({@link Bootstrap}), answers the internal RPCs through {@link MembershipRpc}, runs
 * peer changes on the leader ({@link PeerChanges}), and is the node's {@link Clustering} once
 * Ratis runs.
 */
public final class ClusterMembership implements Clustering {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);
  static final Duration CALL_DEADLINE = Duration.ofSeconds(5);
  /** The member tag holding a server's HTTP address (client agents forward to it). */
  public static final String HTTP_TAG = "http";

  final LocalServer self;
  final NodeLayout layout;
  final Path dataDir;
  final ClusterOptions options;
  final RpcClients rpc = new RpcClients();
  final FormingState forming;
  final ServerDirectory directory = new ServerDirectory();
  // Completed by COMMIT (or our own proposal, or adoption): the cluster this server joined.
  final CompletableFuture<ClusterFile> committed = new CompletableFuture<>();
  // This server's raft peer id: from cluster.json, else a fresh one offered while forming.
  final String candidatePeerId;
  private volatile ClusterFile cluster;
  private volatile RaftHandle raft;
  private volatile PeerChanges peerChanges;
  private volatile Liveness liveness;
  private volatile Reaper reaper;
  private volatile RpcServer server;
  // host:port of this server's HTTP API, "" when it picks a free port only later: client
  // agents reverse-proxy their HTTP reads to it (member tag "http").
  private final String httpAddress;

  public ClusterMembership(
      NodeLayout layout, Path dataDir, ClusterOptions options, String httpAddress) {
    this.layout = layout;
    this.httpAddress = httpAddress == null ? "" : httpAddress;
    this.dataDir = dataDir;
    this.options = options;
    this.self = new LocalServer(layout.self().nodeId(), layout.self().nodeName(),
        layout.self().datacenter(), layout.self().serverAddress(), layout.raftAddress(),
        layout.bootstrapExpect());
    this.cluster = ClusterFile.load(dataDir);
    if (cluster != null && !cluster.datacenter().equals(self.datacenter())) {
      throw new IllegalArgumentException("datacenter mismatch: -datacenter is "
          + self.datacenter() + " but " + dataDir.resolve(ClusterFile.FILE_NAME) + " says "
          + cluster.datacenter());
    }
    this.candidatePeerId = cluster != null ? cluster.raftPeerId() : UUID.randomUUID().toString();
    this.forming = new FormingState(self, candidatePeerId, new PromiseStore(dataDir),
        System::nanoTime);
    if (cluster != null) {
      cluster.peers().forEach(directory::put);
    }
  }

  /** Opens the internal RPC listener; the membership answers on it from now on. */
  public void listen(String host, int port) {
    server = RpcServer.start(host, port, new MembershipRpc(this));
  }

  /** Blocks until this server belongs to a cluster: recovered, formed, adopted or joining. */
  public ClusterFile awaitCluster() {
    ClusterFile known = cluster;
    if (known != null) {
      LOG.info("Recovering cluster {} from {}", known.clusterId(), dataDir);
      new Bootstrap(this).checkAddresses();
      return known;
    }
    ClusterFile f = new Bootstrap(this).run();
    adopt(f);
    return f;
  }

  synchronized void adopt(ClusterFile f) {
    if (cluster != null) {
      return;
    }
    f.save(dataDir);
    forming.clear();
    f.peers().forEach(directory::put);
    cluster = f;
    committed.complete(f);
  }

  ClusterFile cluster() {
    return cluster;
  }

  RaftHandle raft() {
    return raft;
  }

  Liveness liveness() {
    return liveness;
  }

  String clusterId() {
    ClusterFile f = cluster;
    return f == null ? "" : f.clusterId();
  }

  Identity identity() {
    ClusterFile f = cluster;
    return self.identity(clusterId(), f != null ? f.raftPeerId() : candidatePeerId);
  }

  /** Refuses a message from another datacenter or another cluster (membership.md sec. 2). */
  void check(Identity from) {
    if (!from.getDatacenter().equals(self.datacenter())) {
      throw new RefusedException("datacenter mismatch: this node is " + self.datacenter() + ", "
          + from.getRpcAddress() + " is " + from.getDatacenter());
    }
    String mine = clusterId();
    if (!from.getClusterId().isEmpty() && !mine.isEmpty() && !from.getClusterId().equals(mine)) {
      throw new RefusedException("cluster id mismatch: this node belongs to " + mine + ", "
          + from.getRpcAddress() + " to " + from.getClusterId());
    }
  }

  PeerChanges requireRaft() {
    PeerChanges changes = peerChanges;
    if (changes == null) {
      throw new NoLeaderException();
    }
    return changes;
  }

  // ---- Clustering

  @Override
  public void raftStarted(RaftHandle handle) {
    this.raft = handle;
    this.peerChanges = new PeerChanges(this, handle);
    ClusterFile f = cluster;
    if (f != null && ClusterFile.JOINING.equals(f.state())) {
      peerChanges.askToBeAdded(f, self.entry(f.raftPeerId()));
      ClusterFile member = f.withState(ClusterFile.MEMBER);
      member.save(dataDir);
      cluster = member;
    }
  }

  @Override
  public List<Command> selfCommands() {
    ClusterFile f = cluster;
    List<Command> out = new ArrayList<>();
    out.add(Command.newBuilder()
        .setInitCluster(InitCluster.newBuilder().setClusterId(f.clusterId())).build());
    out.add(Command.newBuilder().setMemberUpdate(selfMember("alive")).build());
    out.add(SelfRegistration.commands(layout.self(), layout.serverPort()).get(1));
    return out;
  }

  MemberUpdate.Builder selfMember(String status) {
    Member m = layout.selfMember();
    Map<String, String> tags = new LinkedHashMap<>(m.tags());
    tags.put("raft_id", cluster.raftPeerId());
    if (!httpAddress.isEmpty()) {
      tags.put(HTTP_TAG, httpAddress);
    }
    return MemberUpdate.newBuilder()
        .setNode(m.name())
        .setNodeId(self.nodeId())
        .setStatus(status)
        .setAddr(m.addr())
        .setPort(m.port())
        .putAllTags(tags)
        .setRole("server")
        .setNodeRow(SelfRegistration.nodeRow(layout.self()));
  }

  @Override
  public void serving() {
    liveness = new Liveness(raft, rpc, this::identity, this::leaderRpcAddress, self.name(),
        options, System::nanoTime, Clock.systemUTC());
    liveness.start();
    reaper = new Reaper(new ReapWrites(raft, peerChanges, directory), peerChanges::isLeader,
        () -> raft.catalog().members(), Clock.systemUTC(), options);
    reaper.start();
  }

  @Override
  public String serverAddressOf(RaftPeerId peer) {
    return directory.rpcAddressOf(peer.toString(), raft == null ? null : raft.catalog());
  }

  @Override
  public List<Member> members(Catalog catalog) {
    return MemberView.members(catalog);
  }

  @Override
  public void leave(boolean force) {
    if (new Leave(this, raft, requireRaft()).run(force)) {
      LeftMarker.write(dataDir, java.time.Instant.now());
    }
  }

  @Override
  public void removePeer(String id, String address) {
    new RemovePeer(raft, requireRaft(), directory).run(id, address);
  }

  @Override
  public void join(String address) {
    JoinContact.contact(rpc, identity(), address);
  }

  @Override
  public void forceLeave(String node, boolean prune) {
    new ForceLeave(raft, requireRaft(), directory).run(node, prune);
  }

  // Server name -> HTTP address, from the replicated member rows.
  Map<String, String> httpAddresses() {
    RaftHandle r = raft;
    Map<String, String> out = new LinkedHashMap<>();
    if (r != null) {
      r.catalog().members().forEach(m -> {
        String a = m.tags().get(HTTP_TAG);
        if (a != null) {
          out.put(m.name(), a);
        }
      });
    }
    return out;
  }

  /** The RPC address of the current leader, "" when none is known. */
  String leaderRpcAddress() {
    RaftHandle r = raft;
    if (r == null) {
      return "";
    }
    try {
      RaftPeerId leader = r.division().getInfo().getLeaderId();
      return leader == null ? "" : serverAddressOf(leader);
    } catch (RuntimeException e) {
      return "";
    }
  }

  List<ServerEntry> voters() {
    RaftHandle r = raft;
    if (r == null) {
      ClusterFile f = cluster;
      return f == null ? List.of() : f.peers();
    }
    List<ServerEntry> out = new ArrayList<>();
    for (var p : r.division().getRaftConf().getCurrentPeers()) {
      String id = p.getId().toString();
      ServerEntry known = directory.entry(id, r.catalog());
      out.add(known != null ? known
          : new ServerEntry("", "", "", p.getAddress(), id));
    }
    return out;
  }

  @Override
  public void close() {
    Liveness l = liveness;
    if (l != null) {
      l.close();
    }
    Reaper r = reaper;
    if (r != null) {
      r.close();
    }
    rpc.close();
    RpcServer s = server;
    if (s != null) {
      s.close();
    }
  }
}
