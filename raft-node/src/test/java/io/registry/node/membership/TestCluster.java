package io.registry.node.membership;

import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.ClusterOptions;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * N in-JVM servers on loopback with free ports and their own data dirs; each knows every
 * other's server port as -retry-join. Servers start concurrently (bootstrap waits for all).
 */
final class TestCluster implements AutoCloseable {
  /** Election timeouts of at least 1 s: shorter ones churn on 2 shared cores (P4). */
  static final RaftTuning TUNING = new RaftTuning(Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, true, Duration.ofSeconds(60),
      Duration.ofSeconds(3), RaftTuning.DEFAULT_MAX_COMMAND_BYTES);

  final Path base;
  final List<Slot> slots = new ArrayList<>();
  /** Applied to every server's options (a test's short reap timings, say). */
  UnaryOperator<ClusterOptions> tuneOptions = UnaryOperator.identity();
  private final ExecutorService starter = Executors.newCachedThreadPool();

  /** One server's fixed coordinates and, while it runs, its node. */
  static final class Slot {
    final String name;
    final Path dataDir;
    final int serverPort;
    final int raftPort;
    int expect;
    List<String> join = List.of();
    volatile RegistryNode node;

    Slot(String name, Path dataDir, int expect) {
      this.name = name;
      this.dataDir = dataDir;
      this.serverPort = freePort();
      this.raftPort = freePort();
      this.expect = expect;
    }

    String rpcAddress() {
      return "127.0.0.1:" + serverPort;
    }
  }

  TestCluster(Path base, int servers) {
    this.base = base;
    for (int i = 1; i <= servers; i++) {
      slots.add(new Slot("s" + i, base.resolve("s" + i), servers));
    }
    List<String> all = slots.stream().map(Slot::rpcAddress).toList();
    slots.forEach(s -> s.join = all);
  }

  /** Adds a server that joins the formed cluster (no bootstrap_expect). */
  Slot addJoiner(String name) {
    Slot s = new Slot(name, base.resolve(name), 0);
    s.join = slots.stream().map(Slot::rpcAddress).toList();
    slots.add(s);
    return s;
  }

  NodeConfig config(Slot s) {
    ClusterOptions cluster = tuneOptions.apply(
        ClusterOptions.defaults().withRetryJoin(s.join, 0).withTestTimings());
    return new NodeConfig(s.name, null, "dc1", s.dataDir, false, true, s.expect, "127.0.0.1",
        "127.0.0.1", 0, s.serverPort, s.raftPort, Map.of(), "info", null, cluster);
  }

  /** Starts the given slots concurrently and waits until each serves. */
  void start(List<Slot> which) {
    List<CompletableFuture<RegistryNode>> started = new ArrayList<>();
    for (Slot s : which) {
      started.add(CompletableFuture.supplyAsync(() -> RegistryNodes.start(config(s), TUNING),
          starter));
    }
    for (int i = 0; i < which.size(); i++) {
      which.get(i).node = started.get(i).join();
    }
  }

  /** Starts one slot in the background with the given tuning; the caller sets its node. */
  CompletableFuture<RegistryNode> startAsync(Slot s, RaftTuning tuning) {
    return CompletableFuture.supplyAsync(() -> RegistryNodes.start(config(s), tuning), starter);
  }

  void startAll() {
    start(slots);
  }

  RegistryNode node(int i) {
    return slots.get(i).node;
  }

  List<RegistryNode> running() {
    return slots.stream().map(s -> s.node).filter(n -> n != null).toList();
  }

  /** The running node that leads, or null. */
  Slot leader() {
    for (Slot s : slots) {
      RegistryNode n = s.node;
      if (n != null && "leader".equals(n.raftStatus().state())) {
        return s;
      }
    }
    return null;
  }

  void stop(Slot s) {
    RegistryNode n = s.node;
    s.node = null;
    if (n != null) {
      n.close();
    }
  }

  @Override
  public void close() {
    slots.forEach(this::stop);
    starter.shutdownNow();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
