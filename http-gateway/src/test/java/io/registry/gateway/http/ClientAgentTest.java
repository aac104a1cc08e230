package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three in-JVM servers and two client agents, each with its HTTP gateway on loopback: the
 * clients' writes go through Forward, their reads through the reverse proxy; failover, a
 * killed client going critical, and a client leave.
 */
@Timeout(300)
class ClientAgentTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  /** Election timeouts of at least 1 s: shorter ones churn on 2 shared cores. */
  private static final RaftTuning TUNING = new RaftTuning(Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, true,
      Duration.ofSeconds(60), Duration.ofSeconds(3), RaftTuning.DEFAULT_MAX_COMMAND_BYTES);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  /** One running node and its gateway. */
  private record Agent(RegistryNode node, HttpGateway gateway, Http http) implements AutoCloseable {
    @Override
    public void close() {
      gateway.close();
      node.close();
    }
  }

  @AfterEach
  void tearDown() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // Already closed by the test (a killed node).
      }
    }
  }

  @Test
  void clientWritesAndReadsThroughServersFailsOverGoesCriticalAndLeaves() throws Exception {
    List<String> join = new ArrayList<>();
    List<NodeConfig> configs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int rpcPort = freePort();
      join.add("127.0.0.1:" + rpcPort);
      configs.add(config("s" + i, true, 3, rpcPort));
    }
    configs.replaceAll(c -> withJoin(c, join));
    List<CompletableFuture<Agent>> starting = new ArrayList<>();
    for (NodeConfig c : configs) {
      starting.add(CompletableFuture.supplyAsync(() -> start(c)));
    }
    List<Agent> servers = new ArrayList<>();
    for (var f : starting) {
      servers.add(f.get(120, TimeUnit.SECONDS));
    }
    Agent c1 = start(withJoin(config("c1", false, 0, 0), List.of(join.get(0))));
    Agent c2 = start(withJoin(config("c2", false, 0, 0), List.of(join.get(1))));

    // A service registered with the client is in every server's catalog, passing.
    assertThat(c1.http().put("/v1/agent/service/register",
        "{\"ID\":\"web1\",\"Name\":\"web\",\"Port\":80}").statusCode()).isEqualTo(200);
    for (Agent s : servers) {
      await().atMost(BOUND).untilAsserted(() -> assertThat(
          s.http().get("/v1/health/service/web?passing").body()).contains("\"web1\"", "\"c1\""));
    }
    // ... and through the client's own HTTP, which forwards to a server.
    var viaClient = c1.http().get("/v1/health/service/web?passing");
    assertThat(viaClient.statusCode()).isEqualTo(200);
    assertThat(viaClient.body()).contains("\"web1\"");
    assertThat(viaClient.headers().firstValue("X-Consul-Index")).isPresent();
    assertThat(c1.http().get("/v1/agent/members").body()).contains("\"s1\"", "\"c1\"", "\"c2\"");

    // The first server dies: the client's writes and reads go to another one.
    servers.get(0).close();
    await().atMost(BOUND).ignoreExceptions().untilAsserted(() -> assertThat(c1.http().put(
        "/v1/agent/service/register", "{\"ID\":\"web2\",\"Name\":\"web\",\"Port\":81}")
        .statusCode()).isEqualTo(200));
    await().atMost(BOUND).untilAsserted(() -> assertThat(
        c1.http().get("/v1/health/service/web?passing").body()).contains("\"web2\""));

    // c2 registers, then leaves: its node and services are gone, its member row says left.
    assertThat(c2.http().put("/v1/agent/service/register",
        "{\"ID\":\"api1\",\"Name\":\"api\",\"Port\":90}").statusCode()).isEqualTo(200);
    Agent s2 = servers.get(1);
    await().atMost(BOUND).untilAsserted(() -> assertThat(
        s2.http().get("/v1/health/service/api").body()).contains("\"api1\""));
    c2.node().leave();
    c2.node().shutdownRequested().get(30, TimeUnit.SECONDS);
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(s2.http().get("/v1/health/service/api").body()).isEqualTo("[]");
      assertThat(s2.http().get("/v1/catalog/nodes").body()).doesNotContain("\"c2\"");
    });

    // c1 is killed without leave: the leader marks it failed, its services drop out of
    // ?passing but stay in the catalog.
    c1.close();
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(s2.http().get("/v1/health/service/web?passing").body()).isEqualTo("[]");
      assertThat(s2.http().get("/v1/health/service/web").body()).contains("\"web1\"");
    });
  }

  private Agent start(NodeConfig config) {
    RegistryNode node = RegistryNodes.start(config, TUNING);
    HttpGateway gw;
    try {
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

  private NodeConfig config(String name, boolean server, int expect, int rpcPort) {
    return new NodeConfig(name, null, "dc1", dir.resolve(name), false, server, expect,
        "127.0.0.1", "127.0.0.1", freePort(), rpcPort, 0, Map.of(), "info", null,
        ClusterOptions.defaults().withTestTimings());
  }

  private static NodeConfig withJoin(NodeConfig c, List<String> join) {
    return new NodeConfig(c.nodeName(), c.nodeId(), c.datacenter(), c.dataDir(), c.dev(),
        c.server(), c.bootstrapExpect(), c.bindAddress(), c.clientAddress(), c.httpPort(),
        c.serverPort(), c.raftPort(), c.nodeMeta(), c.logLevel(), c.agent(),
        c.cluster().withRetryJoin(join, 0));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
