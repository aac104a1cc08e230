package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.CommandResult;
import io.registry.catalog.command.InitCluster;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.agent.AgentOptions;
import io.registry.node.agent.AgentState;
import io.registry.node.agent.LocalAgent;
import io.registry.node.api.CommandTooLargeException;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server node whose catalog is replicated by a Ratis group: today a one-peer group (dev, or
 * -bootstrap-expect=1). Owns the Ratis server and client, the local agent and their threads.
 */
public final class RaftRegistryNode implements RegistryNode {
  private static final Logger LOG = LoggerFactory.getLogger(RaftRegistryNode.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final NodeLayout layout;
  private final RaftTuning tuning;
  private final CatalogStateMachine stateMachine;
  private final RaftServer server;
  private final RaftClient client;
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

  private RaftRegistryNode(NodeLayout layout, RaftTuning tuning, AgentOptions agentOptions)
      throws IOException {
    this.layout = layout;
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
    RaftClient builtClient = null;
    try {
      builtServer =
          RaftServer.newBuilder()
              .setServerId(layout.peerId())
              .setGroup(layout.group())
              .setProperties(props)
              .setStateMachine(stateMachine)
              .setOption(RaftStorage.StartupOption.RECOVER)
              .build();
      builtClient =
          RaftClient.newBuilder()
              .setProperties(props)
              .setRaftGroup(layout.group())
              .setLeaderId(layout.peerId())
              // Bounded: with no quorum a write fails with NoLeaderException, not spins.
              .setRetryPolicy(
                  RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                      10, RaftSettings.td(Duration.ofMillis(200))))
              .build();
      this.server = builtServer;
      this.client = builtClient;
      this.agent =
          new AgentState(
              layout.self(), this::write, layout.agentDir(), Clock.systemUTC(), scheduler,
              agentOptions);
    } catch (IOException | RuntimeException e) {
      // Nothing is started yet, but Ratis objects hold threads and ports from construction.
      if (builtClient != null) {
        closeQuietly("Raft client", builtClient::close);
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
    NodeLayout layout = NodeLayout.resolve(config);
    RaftRegistryNode node;
    try {
      node = new RaftRegistryNode(layout, tuning, config.agent());
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
    long deadline = System.nanoTime() + tuning.startTimeout().toNanos();
    while (!isLeaderReady()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "No Raft leader within " + tuning.startTimeout().toSeconds() + " s of start");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    // Leader ready means its start-up entry is applied, so the whole log has been replayed
    // and clusterId reflects everything recovered.
    if (catalog().clusterId().isEmpty()) {
      await(Command.newBuilder()
          .setInitCluster(InitCluster.newBuilder().setClusterId(UUID.randomUUID().toString()))
          .build(), "InitCluster");
    }
    for (Command c : SelfRegistration.commands(layout.self(), layout.serverPort())) {
      await(c, "self-registration");
    }
    agent.start();
    LOG.info("Node {} ({}) serving; Raft {} group {}", layout.self().nodeName(),
        layout.self().nodeId(), layout.raftAddress(), layout.group().getGroupId());
  }

  private void await(Command command, String what) {
    try {
      ApplyResult r = write(command).get(tuning.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!r.ok()) {
        throw new IllegalStateException(what + " rejected: " + r.error());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " not applied within " + tuning.startTimeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  @Override
  public NodeIdentity self() {
    return layout.self();
  }

  @Override
  public CompletableFuture<ApplyResult> write(Command command) {
    byte[] bytes = command.toByteArray();
    if (bytes.length > tuning.maxCommandBytes()) {
      // Pitfall P3: Ratis would reject it *and* the leader would step down.
      return CompletableFuture.failedFuture(
          new CommandTooLargeException(bytes.length, tuning.maxCommandBytes()));
    }
    if (closed.get()) {
      return CompletableFuture.failedFuture(new NoLeaderException());
    }
    CompletableFuture<RaftClientReply> sent;
    try {
      sent = client.async().send(Message.valueOf(ByteString.copyFrom(bytes)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(RaftErrors.translate(e));
    }
    return relay(sent, reply -> {
      CommandResult r = CommandResult.parseFrom(reply.getMessage().getContent().toByteArray());
      return new ApplyResult(r.getOk(), r.getValue(), r.getError(), reply.getLogIndex());
    });
  }

  @Override
  public <T> CompletableFuture<T> read(Consistency consistency, Function<Catalog, T> query) {
    if (closed.get() && consistency != Consistency.STALE) {
      return CompletableFuture.failedFuture(new NoLeaderException());
    }
    return switch (consistency) {
      case STALE -> CompletableFuture.supplyAsync(() -> query.apply(catalog()), callbacks);
      case DEFAULT -> isLeaderReady()
          ? CompletableFuture.supplyAsync(() -> query.apply(catalog()), callbacks)
          // TODO(#3 follow-up): forward to the leader once there are several servers.
          : CompletableFuture.failedFuture(new NoLeaderException());
      case CONSISTENT -> readIndexThen(query);
    };
  }

  // A ReadIndex round run on *this* server: Ratis confirms leadership with a quorum and
  // answers only once this replica applied the read index, so reading the local catalog
  // afterwards is linearizable, also on a follower. Unordered on purpose: an ordered request
  // aimed at one server opens a second sequence window on the client's one gRPC stream, and
  // the server then stalled it (and the next write) until the 3 s request timeout.
  private <T> CompletableFuture<T> readIndexThen(Function<Catalog, T> query) {
    CompletableFuture<RaftClientReply> sent;
    try {
      sent = client.async()
          .sendReadOnlyUnordered(CatalogStateMachine.APPLIED_INDEX_QUERY, layout.peerId());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(RaftErrors.translate(e));
    }
    return relay(sent, reply -> query.apply(catalog()));
  }

  /** Completes on {@link #callbacks} with mapper's answer, or the translated Ratis failure. */
  private <T> CompletableFuture<T> relay(
      CompletableFuture<RaftClientReply> sent, ReplyMapper<T> mapper) {
    CompletableFuture<T> out = new CompletableFuture<>();
    sent.whenCompleteAsync(
        (reply, err) -> {
          try {
            if (err != null) {
              out.completeExceptionally(RaftErrors.translate(err));
            } else if (!reply.isSuccess()) {
              Throwable cause = reply.getException();
              out.completeExceptionally(
                  RaftErrors.translate(cause != null ? cause : new NoLeaderException()));
            } else {
              out.complete(mapper.map(reply));
            }
          } catch (Exception | Error e) {
            out.completeExceptionally(e);
          }
        },
        callbacks);
    return out;
  }

  @FunctionalInterface
  private interface ReplyMapper<T> {
    T map(RaftClientReply reply) throws IOException;
  }

  @Override
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    // The catalog completes waiters on the apply thread; hop off it so a caller's
    // continuation can never stall Raft apply. Cancelling ours removes the catalog's waiter.
    CompletableFuture<Void> parked = catalog().watch(watchKey, seenIndex);
    CompletableFuture<Void> out = new CompletableFuture<>();
    parked.whenCompleteAsync(
        (v, err) -> {
          if (err != null) {
            out.completeExceptionally(err);
          } else {
            out.complete(null);
          }
        },
        callbacks);
    out.whenComplete((v, err) -> {
      if (out.isCancelled()) {
        parked.cancel(false);
      }
    });
    return out;
  }

  @Override
  public RaftStatus raftStatus() {
    return RaftStatusReader.read(division(), layout);
  }

  @Override
  public List<Member> members() {
    return List.of(layout.selfMember());
  }

  @Override
  public LocalAgent agent() {
    return agent;
  }

  @Override
  public void leave() {
    // A one-peer group has nobody to hand leadership to and no peer set to leave; its
    // catalog rows stay for the restart. TODO(#5): member status "left" and Raft removal.
    LOG.info("Node {} leaving: shutdown requested", layout.self().nodeName());
    shutdownRequested.complete(null);
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
        client.getSnapshotManagementApi(layout.peerId()).create(true, tuning.startTimeout().toMillis());
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
    closeQuietly("agent", agent::close);
    closeQuietly("Raft client", client::close);
    closeQuietly("Raft server", server::close);
    scheduler.shutdownNow();
    callbacks.shutdownNow();
    closeQuietly("temp dir", layout::deleteTempDir);
  }

  private interface Closer {
    void close() throws Exception;
  }

  private static void closeQuietly(String what, Closer closer) {
    try {
      closer.close();
    } catch (Exception e) {
      LOG.warn("Closing {} failed", what, e);
    }
  }

  private Catalog catalog() {
    return stateMachine.catalog();
  }

  private RaftServer.Division division() {
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
