package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.gateway.http.HttpCluster.Agent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three read modes over HTTP on a 3-server cluster (consul-api.md sec. 2.7): default and
 * ?consistent on a follower see a write at once; ?stale answers from the local replica with
 * the leader headers; without a leader, default reads are 500 "No cluster leader" while ?stale
 * still answers, saying it knows no leader.
 */
@Timeout(300)
class ClusterReadsTest {
  private static final Duration BOUND = Duration.ofSeconds(40);

  @TempDir Path dir;
  private HttpCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void defaultConsistentAndStaleReadsOnEveryServerWithAndWithoutALeader() throws Exception {
    cluster = new HttpCluster(dir);
    List<Agent> servers = cluster.startServers(3);
    Agent writer = servers.get(0);
    assertThat(writer.http().put("/v1/kv/app/color", "blue").body()).isEqualTo("true");

    // Every server, leader or follower: default and ?consistent reads see the write already.
    for (Agent s : servers) {
      for (String mode : List.of("", "?consistent")) {
        HttpResponse<String> r = s.http().get("/v1/kv/app/color" + mode);
        assertThat(r.statusCode()).as("%s on %s", mode, s.node().self().nodeName())
            .isEqualTo(200);
        assertThat(r.body()).contains("\"Value\":\"Ymx1ZQ==\"");
        assertThat(r.headers().firstValue("X-Consul-Knownleader")).hasValue("true");
      }
      await().atMost(BOUND).untilAsserted(() -> {
        HttpResponse<String> stale = s.http().get("/v1/kv/app/color?stale");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("\"Value\":\"Ymx1ZQ==\"");
        assertThat(stale.headers().firstValue("X-Consul-Knownleader")).hasValue("true");
        assertThat(stale.headers().firstValue("X-Consul-Lastcontact")).isPresent();
      });
    }

    // Two servers stop: the survivor has no quorum, hence no leader.
    Agent survivor = servers.get(2);
    servers.get(0).close();
    servers.get(1).close();
    await().atMost(BOUND).untilAsserted(() -> {
      HttpResponse<String> r = survivor.http().get("/v1/kv/app/color");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).isEqualTo("No cluster leader");
    });
    assertThat(survivor.http().get("/v1/kv/app/color?consistent").statusCode()).isEqualTo(500);
    assertThat(survivor.http().put("/v1/kv/app/color", "red").statusCode()).isEqualTo(500);
    await().atMost(BOUND).untilAsserted(() -> {
      HttpResponse<String> stale = survivor.http().get("/v1/kv/app/color?stale");
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(stale.body()).contains("\"Value\":\"Ymx1ZQ==\"");
      assertThat(stale.headers().firstValue("X-Consul-Knownleader")).hasValue("false");
    });
    assertThat(survivor.http().get("/v1/status/leader").body()).isEqualTo("\"\"");
  }
}
