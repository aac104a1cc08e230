package io.registry.node.client;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.agent.AgentState;
import io.registry.node.agent.CatalogReader;
import io.registry.node.agent.LocalAgent;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.NodeIdentity;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.RegistryNode;
import io.registry.node.api.ReloadException;
import io.registry.node.api.ServerLocator;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import io.registry.node.membership.JoinContact;
import io.registry.node.raft.NodeAddresses;
import io.registry.node.raft.NodeLayout;
import io.registry.node.raft.SelfRegistration;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.Identity;
import io.registry.node.storage.LeftMarker;
import io.registry.node.storage.NodeIdStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client agent (architecture.md "One process, three roles"): holds no catalog. Its writes
 * (its own member row, the local agent's registrations and check updates) go to a server over
 * internal gRPC Forward; its HTTP gateway reverse-proxies reads to a server's HTTP API
 * ({@link ServerLocator}). It heartbeats the leader, which marks it failed when silent.
 */
public final class ClientRegistryNode implements RegistryNode, ServerLocator {
  private static final Logger LOG = LoggerFactory.getLogger(ClientRegistryNode.class);

  private final NodeIdentity self;
  private final Identity.Builder identity;
  private final NodeConfig config;
  private final RpcClients rpc = new RpcClients();
  private final ServerSet servers;
  private final ServerCalls calls;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("registry-client-", 0).factory());
  private final ExecutorService callbacks =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("registry-forward-", 0).factory());
  private final AgentState agent;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean left = new AtomicBoolean();
  private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
  private volatile Runnable reloadHook = () -> { };
  private final Object reloadLock = new Object();

  private ClientRegistryNode(NodeConfig config, NodeIdentity self) {
    this.config = config;
    this.self = self;
    this.servers = new ServerSet(self.nodeId());
    this.identity = Identity.newBuilder().setNodeId(self.nodeId()).setName(self.nodeName())
        .setDatacenter(self.datacenter()).setProtocol(1).setServer(false);
    this.calls = new ServerCalls(rpc, servers, identity::build, System::nanoTime);
    this.agent = new AgentState(self, this::write, config.dataDir().resolve("local"),
        Clock.systemUTC(), scheduler, config.agent(), new CatalogReader(
            () -> CompletableFuture.supplyAsync(calls::nodeRows, callbacks), Set.of(),
            Set.of(SelfRegistration.SERF_CHECK_ID)));
  }

  /**
   * Joins through -retry-join (blocking, with retries), writes this node's member row and
   * serfHealth through a server, starts the local agent and the heartbeats.
   */
  public static ClientRegistryNode start(NodeConfig config, RaftTuning tuning) {
    if (config.dataDir() == null) {
      throw new IllegalArgumentException("A client agent needs -data-dir");
    }
    if (config.cluster().retryJoin().isEmpty()) {
      throw new IllegalArgumentException("A client agent needs -retry-join with a server's address");
    }
    NodeIdentity self = identity(config);
    ClientRegistryNode node = new ClientRegistryNode(config, self);
    try {
      node.boot(tuning);
      return node;
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  private static NodeIdentity identity(NodeConfig config) {
    try {
      Files.createDirectories(config.dataDir());
      String nodeId = NodeIdStore.resolve(config.dataDir(), config.nodeId());
      String advertise = NodeAddresses.advertise(config.bindAddress());
      return new NodeIdentity(config.nodeName(), nodeId, config.datacenter(), advertise, "",
          false, config.nodeMeta(), NodeLayout.VERSION);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare data dir " + config.dataDir(), e);
    }
  }

  private void boot(RaftTuning tuning) {
    HelloReply reply = ClientJoin.run(rpc, identity, config.dataDir(), config.cluster());
    identity.setClusterId(reply.getResponder().getClusterId());
    servers.update(reply.getServersList().stream().map(KnownServer::of).toList());
    servers.leader(reply.getLeaderRpcAddress());
    long deadline = System.nanoTime() + tuning.startTimeout().toNanos();
    while (true) {
      try {
        ApplyResult r = calls.forward(memberUpdate(io.registry.catalog.model.Member.ALIVE));
        if (!r.ok()) {
          throw new IllegalStateException("Client registration rejected: " + r.error());
        }
        // Alive again after a graceful leave: the next restart rejoins as after a crash.
        LeftMarker.remove(config.dataDir());
        break;
      } catch (io.registry.node.api.NoLeaderException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("No cluster leader within "
              + tuning.startTimeout().toSeconds() + " s of start", e);
        }
      }
    }
    agent.start();
    lastHeardNanos = System.nanoTime();
    long every = config.cluster().heartbeatInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    LOG.info("Client {} ({}) serving; servers {}", self.nodeName(), self.nodeId(),
        servers.rpcAddresses(false));
  }

  // Every beat also refreshes the server list now and then: a hello answers it.
  private long ticks;
  // When a server last heard a beat; only the scheduler thread touches it.
  private long lastHeardNanos;

  private void tick() {
    if (left.get() || closed.get()) {
      return;
    }
    try {
      if (calls.beat()) {
        heard();
        if (calls.unknownToCluster()) {
          reannounce();
        }
      }
      if (++ticks % 10 == 0) {
        refreshServers();
      }
    } catch (RuntimeException e) {
      LOG.debug("Client heartbeat failed: {}", e.getMessage());
    }
  }

  // Reaped while cut off for longer than reconnect_timeout (or pruned by force-leave -prune
  // while it was in fact running), or its node deregistered through the catalog API: write
  // itself alive again, with its node row, and let a full compare put its services back. A
  // member that is "left" is not resurrected.
  private void reannounce() {
    ApplyResult r = calls.forward(memberUpdate(io.registry.catalog.model.Member.ALIVE));
    LOG.warn("Client {} was missing from the catalog (reaped, or its node deregistered); announced"
        + " itself again{}",
        self.nodeName(), r.ok() ? "" : ": " + r.error());
    if (r.ok()) {
      agent.syncFull();
    }
  }

  // Silent for half the failure threshold or more: the leader may have marked this node
  // failed, and the catalog may have changed unseen; a full compare repairs whatever drifted.
  private void heard() {
    long now = System.nanoTime();
    if (now - lastHeardNanos >= config.cluster().failureThreshold().toNanos() / 2) {
      LOG.info("Client {} is in contact with the servers again; comparing with the catalog",
          self.nodeName());
      agent.syncFull();
    }
    lastHeardNanos = now;
  }

  private void refreshServers() {
    for (String address : servers.rpcAddresses(true)) {
      try {
        HelloReply reply = rpc.to(address, java.time.Duration.ofSeconds(1)).hello(
            io.registry.node.rpc.proto.HelloRequest.newBuilder().setFrom(identity).build());
        if (reply.getFormed()) {
          servers.update(reply.getServersList().stream().map(KnownServer::of).toList());
          return;
        }
      } catch (io.grpc.StatusRuntimeException e) {
        LOG.debug("Hello to {} failed: {}", address, e.getStatus());
      }
    }
  }

  Command memberUpdate(String status) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("role", "node");
    tags.put("dc", self.datacenter());
    tags.put("id", self.nodeId());
    tags.put("build", NodeLayout.VERSION + ":");
    tags.put("vsn", "2");
    tags.put("vsn_min", "2");
    tags.put("vsn_max", "3");
    tags.put("segment", "");
    MemberUpdate.Builder m = MemberUpdate.newBuilder().setNode(self.nodeName())
        .setNodeId(self.nodeId()).setStatus(status).setAddr(self.advertiseAddress())
        // A client has no server port: its member address is its HTTP API (what -http-addr
        // takes), 0 only when that port is picked at random later.
        .setPort(Math.max(config.httpPort(), 0)).putAllTags(tags).setRole("client");
    if (io.registry.catalog.model.Member.ALIVE.equals(status)) {
      m.setNodeRow(SelfRegistration.nodeRow(self));
    }
    return Command.newBuilder().setMemberUpdate(m).build();
  }

  @Override
  public NodeIdentity self() {
    return self;
  }

  @Override
  public CompletableFuture<ApplyResult> write(Command command) {
    if (left.get() || closed.get()) {
      // After leave the agent must not resurrect the node it just deregistered.
      return CompletableFuture.failedFuture(new IllegalStateException("client agent has left"));
    }
    return CompletableFuture.supplyAsync(() -> calls.forward(command), callbacks);
  }

  @Override
  public <T> CompletableFuture<T> read(Consistency consistency, Function<Catalog, T> query) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(
        "A client agent holds no catalog; its HTTP gateway forwards reads to a server"));
  }

  @Override
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(
        "A client agent holds no catalog; blocking queries are forwarded to a server"));
  }

  @Override
  public RaftStatus raftStatus() {
    String leader = servers.leader();
    return new RaftStatus(leader, servers.rpcAddresses(false), !leader.isEmpty(), 0, "client",
        0, 0, 0, 0);
  }

  @Override
  public List<Member> members() {
    // The full list lives in the catalog; the gateway forwards /v1/agent/members to a server.
    Map<String, String> tags = memberUpdate("alive").getMemberUpdate().getTagsMap();
    return List.of(new Member(self.nodeName(), self.advertiseAddress(), 0, tags, 1));
  }

  @Override
  public List<String> serverHttpAddresses() {
    return servers.httpAddresses();
  }

  @Override
  public LocalAgent agent() {
    return agent;
  }

  @Override
  public void leave() {
    // Off the caller's thread: a signal handler must not wait on servers.
    Thread.ofVirtual().name("registry-leave").start(() -> leave(false).run());
  }

  /**
   * Leaves now and returns the shutdown step: the HTTP answer goes out once the servers
   * recorded "left". Like a Consul client, it shuts down even when no server took the
   * write (then it is marked failed and reaped later); force changes nothing here.
   */
  @Override
  public Runnable leave(boolean force) {
    // Stop the agent first: a check update after "left" would re-register the node.
    agent.close();
    left.set(true);
    try {
      ApplyResult r = calls.forward(memberUpdate(io.registry.catalog.model.Member.LEFT));
      LOG.info("Client {} left the cluster{}", self.nodeName(), r.ok() ? "" : ": " + r.error());
      if (r.ok()) {
        LeftMarker.write(config.dataDir(), java.time.Instant.now());
      }
    } catch (RuntimeException e) {
      LOG.error("Leave failed, shutting down anyway: {}", e.getMessage(), e);
    }
    return () -> shutdownRequested.complete(null);
  }


  @Override
  public void join(String address) {
    HelloReply reply = JoinContact.contact(rpc, identity.build(), address);
    servers.update(reply.getServersList().stream().map(KnownServer::of).toList());
  }

  @Override
  public void reload() {
    synchronized (reloadLock) {
      try {
        reloadHook.run();
      } catch (ReloadException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ReloadException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
      }
    }
  }

  @Override
  public void onReload(Runnable hook) {
    reloadHook = hook == null ? () -> { } : hook;
  }

  @Override
  public CompletableFuture<Void> shutdownRequested() {
    return shutdownRequested.copy();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    agent.close();
    scheduler.shutdownNow();
    callbacks.shutdownNow();
    rpc.close();
  }
}
