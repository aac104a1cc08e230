package io.registry.gateway.http;

import io.registry.node.RegistryNodes;
import io.registry.node.agent.AgentOptions;
import io.registry.node.agent.FileDefinitions;
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
import java.util.concurrent.TimeUnit;

/**
 * In-JVM servers (and client agents) on loopback, each with its HTTP gateway on a fixed free
 * port, for HTTP tests of the cluster. Closes whatever is still running, newest first.
 */
final class HttpCluster implements AutoCloseable {
  /** Election timeouts of at least 1 s: shorter ones churn on 2 shared cores. */
  static final RaftTuning TUNING = new RaftTuning(Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, true,
      Duration.ofSeconds(60), Duration.ofSeconds(3), RaftTuning.DEFAULT_MAX_COMMAND_BYTES);

  /** One running node and its gateway. */
  record Agent(RegistryNode node, HttpGateway gateway, Http http) implements AutoCloseable {
    String name() {
      return node.self().nodeName();
    }

    /** host:port of a server's internal RPC port ("" on a client agent). */
    String rpcAddress() {
      return node.self().serverAddress();
    }

    @Override
    public void close() {
      gateway.close();
      node.close();
    }
  }

  private final Path dir;
  /** The agent options of every node started here; null for the defaults. */
  private final AgentOptions agentOptions;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
  /** The server RPC addresses, the -retry-join list of every node. */
  final List<String> join = new ArrayList<>();

  HttpCluster(Path dir) {
    this(dir, null);
  }

  HttpCluster(Path dir, AgentOptions agentOptions) {
    this.dir = dir;
    this.agentOptions = agentOptions;
  }

  /** Starts n servers with -bootstrap-expect=n concurrently and waits until each serves. */
  List<Agent> startServers(int n) throws Exception {
    List<NodeConfig> configs = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      int rpcPort = freePort();
      join.add("127.0.0.1:" + rpcPort);
      configs.add(config("s" + i, true, n, rpcPort));
    }
    List<CompletableFuture<Agent>> starting = new ArrayList<>();
    for (NodeConfig c : configs) {
      NodeConfig joined = withJoin(c, join);
      // Not the common pool: a blocked start there would starve the follower log appends
      // Ratis chains through it (raft-node/README.md, "Pitfalls").
      starting.add(CompletableFuture.supplyAsync(() -> start(joined), starter));
    }
    List<Agent> servers = new ArrayList<>();
    for (var f : starting) {
      servers.add(f.get(120, TimeUnit.SECONDS));
    }
    return servers;
  }

  /** Starts a client agent that joins through the given server RPC addresses. */
  Agent startClient(String name, List<String> via) {
    return start(withJoin(config(name, false, 0, 0), via));
  }

  Agent start(NodeConfig config) {
    return start(config, null);
  }

  /** As the agent command does: the node, then its config files (if any), then HTTP. */
  Agent start(NodeConfig config, FileDefinitions files) {
    RegistryNode node = RegistryNodes.start(config, TUNING);
    HttpGateway gw;
    try {
      if (files != null) {
        node.agent().applyFileConfig(files, config.agent());
      }
      gw = HttpGateway.start(node, "127.0.0.1", config.httpPort(), false);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    Agent a = new Agent(node, gw, new Http(gw.port()));
    synchronized (open) {
      open.add(a);
    }
    return a;
  }

  NodeConfig config(String name, boolean server, int expect, int rpcPort) {
    return new NodeConfig(name, null, "dc1", dir.resolve(name), false, server, expect,
        "127.0.0.1", "127.0.0.1", freePort(), rpcPort, 0, Map.of(), "info", agentOptions,
        ClusterOptions.defaults().withTestTimings());
  }

  static NodeConfig withJoin(NodeConfig c, List<String> join) {
    return new NodeConfig(c.nodeName(), c.nodeId(), c.datacenter(), c.dataDir(), c.dev(),
        c.server(), c.bootstrapExpect(), c.bindAddress(), c.clientAddress(), c.httpPort(),
        c.serverPort(), c.raftPort(), c.nodeMeta(), c.logLevel(), c.agent(),
        c.cluster().withRetryJoin(join, 0));
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

  @Override
  public void close() {
    synchronized (open) {
      for (int i = open.size() - 1; i >= 0; i--) {
        try {
          open.get(i).close();
        } catch (Exception e) {
          // Already closed by the test (a killed node).
        }
      }
      open.clear();
    }
    starter.shutdownNow();
  }
}
