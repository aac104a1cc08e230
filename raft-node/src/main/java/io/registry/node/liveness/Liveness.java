package io.registry.node.liveness;

import io.grpc.StatusRuntimeException;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.model.Member;
import io.registry.node.config.ClusterOptions;
import io.registry.node.raft.RaftHandle;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.HeartbeatRequest;
import io.registry.node.rpc.proto.Identity;
import io.registry.catalog.model.ApplyResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats without gossip: every interval a follower tells the leader it is alive, and the
 * leader runs the failure detector over the member rows. Only a change of status becomes a
 * Raft write (a MemberUpdate carrying the serfHealth change).
 */
public final class Liveness implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);

  private final RaftHandle raft;
  private final RpcClients rpc;
  private final Supplier<Identity> identity;
  private final Supplier<String> leaderAddress;
  private final ClusterOptions options;
  private final HeartbeatTable table;
  private final FailureDetector detector;
  // The leader's wall clock: it stamps reap_at into the failed write (apply stays pure).
  private final Clock wallClock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("registry-liveness").factory());
  private long seq;

  public Liveness(RaftHandle raft, RpcClients rpc, Supplier<Identity> identity,
      Supplier<String> leaderAddress, String selfName, ClusterOptions options,
      LongSupplier nanoTime, Clock wallClock) {
    this.wallClock = wallClock;
    this.raft = raft;
    this.rpc = rpc;
    this.identity = identity;
    this.leaderAddress = leaderAddress;
    this.options = options;
    this.table = new HeartbeatTable(nanoTime);
    long threshold = options.failureThreshold().toNanos();
    // Threshold plus two beats: a new leader hears from every live server first.
    this.detector = new FailureDetector(selfName, threshold,
        threshold + 2 * options.heartbeatInterval().toNanos());
  }

  public void start() {
    long every = options.heartbeatInterval().toMillis();
    timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  /** A heartbeat arrived from {@code node}. */
  public void heard(String node) {
    table.heard(node);
  }

  private void tick() {
    try {
      boolean leader = isLeader();
      if (!leader) {
        beat();
      }
      var transitions = detector.tick(leader, raft.catalog().members(), table);
      for (var t : transitions) {
        write(t);
      }
    } catch (RuntimeException e) {
      LOG.debug("Liveness tick failed: {}", e.getMessage());
    }
  }

  private void beat() {
    String leader = leaderAddress.get();
    if (leader.isEmpty()) {
      return;
    }
    try {
      rpc.to(leader, Duration.ofSeconds(1)).heartbeat(
          HeartbeatRequest.newBuilder().setFrom(identity.get()).setSeq(++seq).build());
    } catch (StatusRuntimeException e) {
      LOG.debug("Heartbeat to {} failed: {}", leader, e.getStatus());
    }
  }

  // Not awaited: the detector keeps the transition in flight until the row moves. The write
  // is conditional on the row it was decided from, so a late duplicate cannot apply twice.
  private void write(FailureDetector.Transition t) {
    var m = t.member();
    boolean failed = Member.FAILED.equals(t.status());
    MemberUpdate update = MemberUpdate.newBuilder()
        .setNode(m.name()).setNodeId(m.nodeId()).setStatus(t.status()).setAddr(m.addr())
        .setPort(m.port()).putAllTags(m.tags()).setRole(m.role())
        .setReapAtMs(failed ? wallClock.millis() + options.reconnectTimeout().toMillis() : 0)
        .setIfModifyIndex(m.modifyIndex()).build();
    CompletableFuture<ApplyResult> written;
    try {
      written = raft.write(Command.newBuilder().setMemberUpdate(update).build());
    } catch (RuntimeException e) {
      written = CompletableFuture.failedFuture(e);
    }
    written.orTimeout(5, TimeUnit.SECONDS)
        .whenComplete((result, error) -> {
          if (error == null && result.ok()) {
            LOG.info("member {} {}", m.name(), t.status());
            return;
          }
          detector.lost(t);
          LOG.debug("member {} {} not written: {}", m.name(), t.status(),
              error != null ? error.toString() : result.error());
        });
  }

  private boolean isLeader() {
    var info = raft.division().getInfo();
    return info.isLeader() && info.isLeaderReady();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
