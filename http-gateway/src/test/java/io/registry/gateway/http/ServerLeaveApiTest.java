package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.ClusterOptions;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import io.registry.node.raft.RaftHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.proto.RaftProtos.ServerRpcProto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three in-JVM servers with HTTP: PUT /v1/agent/leave refused by the quorum rule and without
 * a leader (500, the server keeps serving), and DELETE /v1/operator/raft/peer.
 */
@Timeout(300)
class ServerLeaveApiTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  private static final RaftTuning TUNING = new RaftTuning(Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, true,
      Duration.ofSeconds(60), Duration.ofSeconds(3), RaftTuning.DEFAULT_MAX_COMMAND_BYTES);

  @TempDir Path dir;
  private final List<Server> servers = new ArrayList<>();

  private record Server(String name, String rpcAddress, RegistryNode node, HttpGateway gateway,
      Http http) implements AutoCloseable {
    @Override
    public void close() {
      gateway.close();
      node.close();
    }
  }

  @AfterEach
  void tearDown() {
    servers.forEach(s -> {
      try {
        s.close();
      } catch (RuntimeException e) {
        // already closed by the test
      }
    });
  }

  @Test
  void refusedAndLeaderlessLeavesAnswer500AndRemovePeerWorks() throws Exception {
    startThree();
    await().atMost(BOUND).until(() -> leader() != null);
    Server leader = leader();
    Server dead = servers.stream().filter(s -> s != leader).findFirst().orElseThrow();
    Server follower = servers.stream().filter(s -> s != leader && s != dead).findFirst()
        .orElseThrow();

    HttpResponse<String> neither = follower.http().delete("/v1/operator/raft/peer");
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(neither.body()).isEqualTo(
        "Must specify either ?id with the server's ID or ?address with IP:port of peer to remove");
    assertThat(follower.http().delete("/v1/operator/raft/peer?id=a&address=b").statusCode())
        .isEqualTo(400);
    HttpResponse<String> unknown = follower.http().delete("/v1/operator/raft/peer?id=nope");
    assertThat(unknown.statusCode()).isEqualTo(500);
    assertThat(unknown.body()).isEqualTo("id \"nope\" was not found in the Raft configuration");

    String deadPeer = ((RaftHandle) dead.node()).selfPeerId().toString();
    dead.close();
    // The rule counts a follower healthy until the leader has not heard it for 2 x 2 s.
    await().atMost(BOUND).until(() -> silentFor(leader, deadPeer) > 4_000);

    HttpResponse<String> refused = follower.http().put("/v1/agent/leave", "");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).isEqualTo("leave refused: after removing " + follower.name()
        + ", 1 of 2 voters would be healthy; quorum needs 2. Remove the failed server first"
        + " (registry force-leave " + dead.name() + ") or use leave -force.");
    assertThat(follower.node().shutdownRequested()).isNotDone();
    assertThat(follower.http().put("/v1/kv/still", "here").statusCode()).isEqualTo(200);

    HttpResponse<String> removed =
        follower.http().delete("/v1/operator/raft/peer?address=" + dead.rpcAddress());
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(removed.body()).isEmpty();
    await().atMost(BOUND).untilAsserted(() -> assertThat(
        follower.http().get("/v1/operator/raft/configuration").body())
        .doesNotContain(dead.rpcAddress()).contains(follower.rpcAddress()));

    // The leader goes too: one of two voters is left and no leader can be elected.
    leader.close();
    HttpResponse<String> leaderless = follower.http().put("/v1/agent/leave", "");
    assertThat(leaderless.statusCode()).isEqualTo(500);
    assertThat(leaderless.body()).isEqualTo("leave failed: No cluster leader");
    assertThat(follower.node().shutdownRequested()).isNotDone();
    assertThat(follower.http().get("/v1/agent/self").statusCode()).isEqualTo(200);
  }

  // Ms since the leader last heard the peer, from its RoleInfo; 0 while it is not leading.
  private static long silentFor(Server leader, String peerId) {
    var role = ((RaftHandle) leader.node()).division().getInfo().getRoleInfoProto();
    return role.getLeaderInfo().getFollowerInfoList().stream()
        .filter(f -> f.getId().getId().toStringUtf8().equals(peerId))
        .mapToLong(ServerRpcProto::getLastRpcElapsedTimeMs).findFirst().orElse(0);
  }

  private Server leader() {
    return servers.stream().filter(s -> "leader".equals(s.node().raftStatus().state()))
        .findFirst().orElse(null);
  }

  private void startThree() throws Exception {
    List<Integer> rpcPorts = List.of(freePort(), freePort(), freePort());
    List<String> join = rpcPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    List<CompletableFuture<Server>> starting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String name = "s" + (i + 1);
      NodeConfig c = new NodeConfig(name, null, "dc1", dir.resolve(name), false, true, 3,
          "127.0.0.1", "127.0.0.1", freePort(), rpcPorts.get(i), 0, Map.of(), "info", null,
          ClusterOptions.defaults().withTestTimings().withRetryJoin(join, 0));
      String rpc = join.get(i);
      starting.add(CompletableFuture.supplyAsync(() -> start(name, rpc, c)));
    }
    Exception failed = null;
    for (var f : starting) {
      try {
        servers.add(f.get(120, TimeUnit.SECONDS)); // kept for tearDown even if another fails
      } catch (Exception e) {
        failed = e;
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static Server start(String name, String rpc, NodeConfig config) {
    RegistryNode node = RegistryNodes.start(config, TUNING);
    try {
      HttpGateway gw = HttpGateway.start(node, "127.0.0.1", config.httpPort(), false);
      return new Server(name, rpc, node, gw, new Http(gw.port()));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
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
