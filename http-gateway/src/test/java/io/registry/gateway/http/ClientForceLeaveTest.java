package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.gateway.http.HttpCluster.Agent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PUT /v1/agent/force-leave/:node asked of a client agent: a server answers it. */
@Timeout(300)
class ClientForceLeaveTest {
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
  void forceLeaveThroughAClientGivesTheServersAnswers() throws Exception {
    cluster = new HttpCluster(dir);
    cluster.startServers(3);
    Agent c1 = cluster.startClient("c1", cluster.join);
    Agent c2 = cluster.startClient("c2", cluster.join);

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
}
