package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.gateway.http.HttpCluster.Agent;
import io.registry.node.raft.RaftHandle;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @TempDir Path dir;
  private HttpCluster cluster;
  private List<Agent> servers;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void refusedAndLeaderlessLeavesAnswer500AndRemovePeerWorks() throws Exception {
    cluster = new HttpCluster(dir);
    servers = cluster.startServers(3);
    await().atMost(BOUND).until(() -> leader() != null);
    Agent leader = leader();
    Agent dead = servers.stream().filter(s -> s != leader).findFirst().orElseThrow();
    Agent follower = servers.stream().filter(s -> s != leader && s != dead).findFirst()
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
  private static long silentFor(Agent leader, String peerId) {
    var role = ((RaftHandle) leader.node()).division().getInfo().getRoleInfoProto();
    return role.getLeaderInfo().getFollowerInfoList().stream()
        .filter(f -> f.getId().getId().toStringUtf8().equals(peerId))
        .mapToLong(ServerRpcProto::getLastRpcElapsedTimeMs).findFirst().orElse(0);
  }

  private Agent leader() {
    return servers.stream().filter(s -> "leader".equals(s.node().raftStatus().state()))
        .findFirst().orElse(null);
  }
}
