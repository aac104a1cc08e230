package io.registry.gateway.ui;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.agent.LocalAgent;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.NoLeaderException;
import io.registry.node.api.NodeIdentity;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.RegistryNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A real node seen as a server that lost its leader: no leader address, writes and
 * leader reads fail with "No cluster leader", stale reads and the agent still work. This is
 * what a follower cut off from a majority answers, without having to build that cluster.
 */
final class LeaderlessNode implements RegistryNode {
  private final RegistryNode real;

  LeaderlessNode(RegistryNode real) {
    this.real = real;
  }

  @Override
  public NodeIdentity self() {
    return real.self();
  }

  @Override
  public CompletableFuture<ApplyResult> write(Command command) {
    return CompletableFuture.failedFuture(new NoLeaderException());
  }

  @Override
  public <T> CompletableFuture<T> read(Consistency consistency, Function<Catalog, T> query) {
    return consistency == Consistency.STALE ? real.read(consistency, query)
        : CompletableFuture.failedFuture(new NoLeaderException());
  }

  @Override
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    return real.watch(watchKey, seenIndex);
  }

  @Override
  public RaftStatus raftStatus() {
    RaftStatus s = real.raftStatus();
    return new RaftStatus("", s.peers(), false, 60_000, "candidate", s.term(), s.commitIndex(),
        s.appliedIndex(), s.lastLogIndex());
  }

  @Override
  public List<Member> members() {
    return real.members();
  }

  @Override
  public LocalAgent agent() {
    return real.agent();
  }

  @Override
  public void leave() {
    throw new UnsupportedOperationException("not in this test");
  }

  @Override
  public void reload() {
    real.reload();
  }

  @Override
  public void onReload(Runnable hook) {
    real.onReload(hook);
  }

  @Override
  public CompletableFuture<Void> shutdownRequested() {
    return real.shutdownRequested();
  }

  @Override
  public void close() {
    real.close();
  }
}
