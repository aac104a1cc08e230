package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.gateway.http.HttpCluster.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @TempDir Path dir;
  private HttpCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clientWritesAndReadsThroughServersFailsOverGoesCriticalAndLeaves() throws Exception {
    cluster = new HttpCluster(dir);
    List<Agent> servers = cluster.startServers(3);
    Agent c1 = cluster.startClient("c1", List.of(cluster.join.get(0)));
    Agent c2 = cluster.startClient("c2", List.of(cluster.join.get(1)));

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
}
