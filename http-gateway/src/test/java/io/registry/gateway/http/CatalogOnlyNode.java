package io.registry.gateway.http;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.InitCluster;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.agent.LocalAgent;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.NodeIdentity;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.RegistryNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A stand-in for the dev node while raft-node is still being written: the real catalog,
 * applied in-process in log order, no Raft and no local agent. {@link TestNodes} uses it only
 * when RegistryNodes.start is not implemented yet.
 */
final class CatalogOnlyNode implements RegistryNode {
  private final Catalog catalog = new Catalog();
  private long lastIndex;

  CatalogOnlyNode() {
    write(Command.newBuilder().setVersion(1).setInitCluster(InitCluster.newBuilder().setClusterId("test")).build()).join();
  }

  @Override
  public NodeIdentity self() {
    return new NodeIdentity("test-node", "00000000-0000-0000-0000-000000000001", "dc1",
        "127.0.0.1", "127.0.0.1:8300", true, Map.of(), "0.1.0");
  }

  @Override
  public synchronized CompletableFuture<ApplyResult> write(Command command) {
    return CompletableFuture.completedFuture(catalog.apply(++lastIndex, command));
  }

  @Override
  public <T> CompletableFuture<T> read(Consistency consistency, Function<Catalog, T> query) {
    return CompletableFuture.supplyAsync(() -> query.apply(catalog));
  }

  @Override
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    return catalog.watch(watchKey, seenIndex);
  }

  @Override
  public RaftStatus raftStatus() {
    return new RaftStatus("127.0.0.1:8300", List.of("127.0.0.1:8300"), true, 0, "leader", 1,
        lastIndex, lastIndex, lastIndex);
  }

  @Override
  public List<Member> members() {
    return List.of(new Member("test-node", "127.0.0.1", 8301, Map.of("role", "consul", "dc", "dc1"), 1));
  }

  @Override
  public LocalAgent agent() {
    throw new UnsupportedOperationException("no local agent in the catalog-only stand-in");
  }

  @Override
  public void close() {}
}
