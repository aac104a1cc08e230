package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ecwid.consul.v1.ConsulClient;
import com.ecwid.consul.v1.QueryParams;
import com.ecwid.consul.v1.Response;
import com.ecwid.consul.v1.agent.model.NewService;
import com.ecwid.consul.v1.health.HealthServicesRequest;
import com.ecwid.consul.v1.health.model.HealthService;
import com.ecwid.consul.v1.kv.model.GetValue;
import io.registry.gateway.http.HttpCluster.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unmodified ecwid client (Spring Cloud Consul's) against a cluster, as an application
 * sees it: it registers with its local client agent, discovers through any node, and watches
 * a key on a follower while the write goes elsewhere.
 */
@Timeout(300)
class EcwidClusterTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  private static final HealthServicesRequest PASSING =
      HealthServicesRequest.newBuilder().setPassing(true).build();

  @TempDir Path dir;
  private HttpCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void registerThroughAClientAgentDiscoverAnywhereAndWatchAFollower() throws Exception {
    cluster = new HttpCluster(dir);
    List<Agent> servers = cluster.startServers(3);
    Agent client = cluster.startClient("app-host", cluster.join);
    ConsulClient local = consul(client);

    NewService svc = new NewService();
    svc.setId("orders-1");
    svc.setName("orders");
    svc.setPort(9090);
    svc.setTags(List.of("v2"));
    NewService.Check check = new NewService.Check();
    check.setTtl("30s");
    svc.setCheck(check);
    local.agentServiceRegister(svc);
    local.agentCheckPass("service:orders-1");

    // Healthy on every server and through the client agent, with the client's node.
    for (Agent a : List.of(servers.get(0), servers.get(1), servers.get(2), client)) {
      ConsulClient c = consul(a);
      await().atMost(BOUND).untilAsserted(() -> {
        List<HealthService> healthy = c.getHealthServices("orders", PASSING).getValue();
        assertThat(healthy).extracting(h -> h.getService().getId()).containsExactly("orders-1");
        assertThat(healthy.get(0).getNode().getNode()).isEqualTo("app-host");
        assertThat(healthy.get(0).getService().getTags()).containsExactly("v2");
      });
    }

    // A blocking read on a follower is woken by a write through the client agent.
    Agent follower = servers.stream()
        .filter(s -> !"leader".equals(s.node().raftStatus().state())).findFirst().orElseThrow();
    ConsulClient watcher = consul(follower);
    assertThat(local.setKVValue("config/orders/limit", "10").getValue()).isTrue();
    Response<GetValue> first = await().atMost(BOUND).until(
        () -> watcher.getKVValue("config/orders/limit"), r -> r.getValue() != null);
    long index = first.getConsulIndex();
    // Its own thread, not the common pool: Ratis servers in this JVM chain follower log
    // appends through ForkJoinPool.commonPool(), which a blocked socket read would starve.
    CompletableFuture<Response<GetValue>> parked = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try {
        parked.complete(watcher.getKVValue("config/orders/limit", new QueryParams(30, index)));
      } catch (RuntimeException e) {
        parked.completeExceptionally(e);
      }
    });
    assertThat(local.setKVValue("config/orders/limit", "20").getValue()).isTrue();
    Response<GetValue> woken = parked.get(60, TimeUnit.SECONDS);
    assertThat(woken.getConsulIndex()).isGreaterThan(index);
    assertThat(woken.getValue().getDecodedValue()).isEqualTo("20");

    // Failing the TTL takes it out of every ?passing answer.
    local.agentCheckFail("service:orders-1");
    for (Agent a : servers) {
      ConsulClient c = consul(a);
      await().atMost(BOUND).untilAsserted(
          () -> assertThat(c.getHealthServices("orders", PASSING).getValue()).isEmpty());
    }
  }

  private static ConsulClient consul(Agent a) {
    return new ConsulClient("127.0.0.1", a.gateway().port());
  }
}
