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

/** PUT /v1/agent/force-leave/:node asked of a client agent: a server answers it. */
@Timeout(300)
class ClientForceLeaveTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  private static final RaftTuning TUNING = new RaftTuning(Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, true,
      Duration.ofSeconds(60), Duration.ofSeconds(3), RaftTuning.DEFAULT_MAX_COMMAND_BYTES);

  @TempDir Path dir;
  private final List<Agent> open = new ArrayList<>();

  private record Agent(RegistryNode node, HttpGateway gateway, Http http) {
    void close() {
      gateway.close();
      node.close();
    }
  }

  @AfterEach
  void tearDown() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (RuntimeException e) {
        // Already closed by the test (a killed agent).
      }
    }
  }

  @Test
  void forceLeaveThroughAClientGivesTheServersAnswers() throws Exception {
    List<String> join = new ArrayList<>();
    List<Integer> rpcPorts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int port = freePort();
      rpcPorts.add(port);
      join.add("127.0.0.1:" + port);
    }
    List<CompletableFuture<Agent>> starting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      NodeConfig c = config("s" + (i + 1), true, 3, rpcPorts.get(i), join);
      starting.add(CompletableFuture.supplyAsync(() -> start(c)));
    }
    for (var f : starting) {
      f.get(120, TimeUnit.SECONDS);
    }
    Agent c1 = start(config("c1", false, 0, 0, join));
    Agent c2 = start(config("c2", false, 0, 0, join));

    var unknown = c1.http().put("/v1/agent/force-leave/nobody", "");
    assertThat(unknown.statusCode()).isEqualTo(500);
    assertThat(unknown.body()).isEqualTo("Unknown node nobody");
    var alive = c1.http().put("/v1/agent/force-leave/c2", "");
    assertThat(alive.statusCode()).isEqualTo(500);
    assertThat(alive.body()).isEqualTo("node c2 is alive; run leave on it");

    c2.close();
    await().atMost(BOUND).untilAsserted(() -> assertThat(
        c1.http().get("/v1/agent/members").body()).containsPattern("\"c2\".*?\"Status\":4"));
    assertThat(c1.http().put("/v1/agent/force-leave/c2?prune", "").statusCode())
        .isEqualTo(200);
    await().atMost(BOUND).untilAsserted(() -> assertThat(
        c1.http().get("/v1/agent/members").body()).contains("\"c1\"").doesNotContain("\"c2\""));
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

  private NodeConfig config(String name, boolean server, int expect, int rpcPort,
      List<String> join) {
    return new NodeConfig(name, null, "dc1", dir.resolve(name), false, server, expect,
        "127.0.0.1", "127.0.0.1", freePort(), rpcPort, 0, Map.of(), "info", null,
        ClusterOptions.defaults().withTestTimings().withRetryJoin(join, 0));
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
