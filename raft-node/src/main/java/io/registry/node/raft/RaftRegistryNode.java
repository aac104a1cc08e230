package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.agent.AgentOptions;
import io.registry.node.agent.AgentState;
import io.registry.node.agent.CatalogReader;
import io.registry.node.agent.LocalAgent;
import io.registry.node.agent.NodeRows;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.NoLeaderException;
import io.registry.node.api.NodeIdentity;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.ReloadException;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server node whose catalog is replicated by a Ratis group: a one-peer group (dev, or
 * -bootstrap-expect=1), or a group of several servers whose membership a {@link Clustering}
 * manages. Owns the Ratis server and client, the local agent and their threads.
 */
public final class RaftRegistryNode implements RegistryNode, RaftHandle {
  private static final Logger LOG = LoggerFactory.getLogger(RaftRegistryNode.class);

  private final NodeLayout layout;
  private final RaftTuning tuning;
  private final CatalogStateMachine stateMachine;
  private final RaftServer server;
  private final RaftIo io;
  // The multi-server layer; null for dev and -bootstrap-expect=1 nodes.
  private final Clustering clustering;
  // Runs the agent's TTL timers and sync retries.
  private final ScheduledExecutorService scheduler;
  // Where read functions run and write/read futures complete: never Ratis's own threads.
  private final ExecutorService callbacks;
  private final AgentState agent;
  private final AtomicBoolean closed = new AtomicBoolean();
  // What reload() runs; installed by the process that read the config files.
  private volatile Runnable reloadHook = () -> { };
  // Serialises reloads: HTTP and SIGHUP may arrive together.
  private final Object reloadLock = new Object();
  // Completed by leave(): the owner of the process shuts it down.
  private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
  // Snapshot index the catalog was rebuilt from at start, -1 when it started empty.
  private volatile long recoveredSnapshotIndex = -1;

  private RaftRegistryNode(
      NodeLayout layout, RaftTuning tuning, AgentOptions agentOptions, Clustering clustering)
      throws IOException {
    this.layout = layout;
    this.clustering = clustering;
    this.tuning = tuning;
    this.stateMachine = new CatalogStateMachine(new Catalog(), Clock.systemUTC());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("registry-agent-", 0).factory());
    this.callbacks = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("registry-node-", 0).factory());
    var props =
        RaftSettings.properties(
            tuning, layout.raftDir(), layout.raftBindHost(), layout.raftPort());
    RaftServer builtServer = null;
    RaftIo builtIo = null;
    try {
      builtServer =
          RaftServer.newBuilder()
              .setServerId(layout.peerId())
              .setGroup(layout.group())
              .setProperties(props)
              .setStateMachine(stateMachine)
              .setOption(RaftStorage.StartupOption.RECOVER)
              .build();
      // A one-peer group never changes its conf: its client is built once, as before.
      builtIo = new RaftIo(props, tuning, layout.peerId(),
          clustering == null ? () -> null : this::liveGroup,
          layout.clientGroup(), callbacks);
      this.server = builtServer;
      this.io = builtIo;
      this.agent =
          new AgentState(
              layout.self(), this::write, layout.agentDir(), Clock.systemUTC(), scheduler,
              agentOptions, ownRows());
    } catch (IOException | RuntimeException e) {
      // Nothing is started yet, but Ratis objects hold threads and ports from construction.
      if (builtIo != null) {
        closeQuietly("Raft client", builtIo::close);
      }
      if (builtServer != null) {
        closeQuietly("Raft server", builtServer::close);
      }
      scheduler.shutdownNow();
      callbacks.shutdownNow();
      throw e;
    }
  }

  /**
   * Starts a node and returns once it serves (see {@link io.registry.node.RegistryNodes}).
   * On any failure everything started so far is closed again.
   */
  public static RaftRegistryNode start(NodeConfig config, RaftTuning tuning) {
    return start(NodeLayout.resolve(config), tuning, config.agent(), null);
  }

  /**
   * Starts a node of a multi-server cluster: the layout carries the group agreed by the
   * membership layer, which {@code clustering} then represents inside the node.
   */
  public static RaftRegistryNode start(
      NodeLayout layout, RaftTuning tuning, AgentOptions agentOptions, Clustering clustering) {
    RaftRegistryNode node;
    try {
      node = new RaftRegistryNode(layout, tuning, agentOptions, clustering);
    } catch (IOException | RuntimeException e) {
      layout.deleteTempDir();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    try {
      node.boot();
      return node;
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  private void boot() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Raft server on " + layout.raftAddress(), e);
    }
    recoveredSnapshotIndex = stateMachine.loadedSnapshotIndex();
    if (clustering != null) {
      bootClustered();
      return;
    }
    StandaloneStart.run(this::isLeaderReady, catalog(), this::write, layout, tuning);
    agent.start();
    LOG.info("Node {} ({}) serving; Raft {} group {}", layout.self().nodeName(),
        layout.self().nodeId(), layout.raftAddress(), layout.group().getGroupId());
  }

  // A server of several: Raft elects whoever it elects; this node writes its rows through
  // the leader once there is one, then waits until its replica caught up with the leader's
  // commit (a ReadIndex round on itself), so it never serves an empty catalog after restart.
  private void bootClustered() {
    clustering.raftStarted(this);
    ClusteredStart.run(this::write, clustering.selfCommands(),
        () -> io.readIndexThen(catalog(), Catalog::appliedIndex), tuning, closed::get);
    agent.start();
    clustering.serving();
    LOG.info("Server {} ({}) serving; Raft {} peer {} group {}", layout.self().nodeName(),
        layout.self().nodeId(), layout.raftAddress(), layout.peerId(),
        layout.group().getGroupId());
  }

  // Anti-entropy reads this node's rows from the local replica: a lagging one can only cause
  // a redundant re-push or Deregister, which the catalog absorbs.
  private CatalogReader ownRows() {
    String name = layout.self().nodeName();
    return new CatalogReader(() -> read(Consistency.STALE, c -> NodeRows.of(c, name)),
        Set.of(SelfRegistration.CONSUL_SERVICE_ID), Set.of(SelfRegistration.SERF_CHECK_ID));
  }

  @Override
  public NodeIdentity self() {
    return layout.self();
  }

  @Override
  public CompletableFuture<ApplyResult> write(Command command) {
    return io.write(command);
  }

  @Override
  public <T> CompletableFuture<T> read(Consistency consistency, Function<Catalog, T> query) {
    if (closed.get() && consistency != Consistency.STALE) {
      return CompletableFuture.failedFuture(new NoLeaderException());
    }
    return switch (consistency) {
      case STALE -> CompletableFuture.supplyAsync(() -> query.apply(catalog()), callbacks);
      case DEFAULT -> {
        if (isLeaderReady()) {
          yield CompletableFuture.supplyAsync(() -> query.apply(catalog()), callbacks);
        }
        // A follower: a ReadIndex round on this replica, then the local read. At least as
        // fresh as the leader's own state (the query cannot be shipped: it is a function).
        yield clustering != null
            ? io.readIndexThen(catalog(), query)
            : CompletableFuture.failedFuture(new NoLeaderException());
      }
      case CONSISTENT -> io.readIndexThen(catalog(), query);
    };
  }

  @Override
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    return Futures.completeOn(catalog().watch(watchKey, seenIndex), callbacks);
  }

  @Override
  public RaftStatus raftStatus() {
    return RaftStatusReader.read(division(), layout,
        clustering == null ? p -> SingleServer.addressOf(layout, p) : clustering::serverAddressOf);
  }

  @Override
  public List<Member> members() {
    return clustering == null ? List.of(layout.selfMember()) : clustering.members(catalog());
  }

  @Override
  public LocalAgent agent() {
    return agent;
  }

  @Override
  public void leave() {
    // Off the caller's thread (a signal handler, the HTTP answer already out): the leave
    // takes seconds, and the process shuts down whatever its outcome.
    Thread.ofVirtual().name("registry-leave").start(() -> {
      try {
        leave(false);
      } catch (RuntimeException e) {
        LOG.error("Leave failed: {}", e.getMessage(), e);
      }
      shutdownRequested.complete(null);
    });
  }

  @Override
  public Runnable leave(boolean force) {
    if (clustering != null) {
      clustering.leave(force);
    } else {
      // A one-peer group has nobody to hand leadership to; its rows stay for a restart.
      LOG.info("Node {} leaving: shutdown requested", layout.self().nodeName());
    }
    return () -> shutdownRequested.complete(null);
  }

  @Override
  public void join(String address) {
    SingleServer.join(clustering, address);
  }

  @Override
  public void forceLeave(String node, boolean prune) {
    SingleServer.forceLeave(clustering, layout, node, prune);
  }

  @Override
  public void removePeer(String id, String address) {
    SingleServer.removePeer(clustering, layout, id, address);
  }

  @Override
  public void reload() {
    synchronized (reloadLock) {
      try {
        reloadHook.run();
      } catch (ReloadException e) {
        throw e;
      } catch (RuntimeException e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.warn("Reload refused, previous configuration kept: {}", reason);
        throw new ReloadException(reason, e);
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

  /** Takes a snapshot now through Ratis's snapshot API; answers its log index. */
  public long takeSnapshot() throws IOException {
    RaftClientReply reply =
        io.client().getSnapshotManagementApi(layout.peerId()).create(true, tuning.startTimeout().toMillis());
    if (!reply.isSuccess()) {
      throw new IOException("Snapshot failed", reply.getException());
    }
    return reply.getLogIndex();
  }

  /** The snapshot index the catalog was restored from at start; -1 when none was loaded. */
  public long recoveredSnapshotIndex() {
    return recoveredSnapshotIndex;
  }

  /** The Ratis adapter; for tests of its lifecycle. */
  CatalogStateMachine stateMachine() {
    return stateMachine;
  }

  /** Where Ratis keeps this node's log and snapshots. */
  public Path raftDir() {
    return layout.raftDir();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (clustering != null) {
      closeQuietly("cluster membership", clustering::close);
    }
    closeQuietly("agent", agent::close);
    closeQuietly("Raft client", io::close);
    closeQuietly("Raft server", server::close);
    scheduler.shutdownNow();
    callbacks.shutdownNow();
    closeQuietly("temp dir", layout::deleteTempDir);
  }

  private interface Closer { void close() throws Exception; }

  private static void closeQuietly(String what, Closer closer) {
    try {
      closer.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed", what, e);
    }
  }

  @Override
  public Catalog catalog() {
    return stateMachine.catalog();
  }

  @Override
  public RaftPeerId selfPeerId() {
    return layout.peerId();
  }

  @Override
  public RaftClient client() {
    return io.client();
  }

  // The current configuration as a group (null before the division exists): see RaftIo.
  private RaftGroup liveGroup() {
    try {
      return division().getGroup();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public RaftServer.Division division() {
    try {
      return server.getDivision(layout.group().getGroupId());
    } catch (IOException e) {
      throw new NoLeaderException();
    }
  }

  private boolean isLeaderReady() {
    try {
      var info = server.getDivision(layout.group().getGroupId()).getInfo();
      return info.isLeader() && info.isLeaderReady();
    } catch (IOException e) {
      return false;
    }
  }
}
