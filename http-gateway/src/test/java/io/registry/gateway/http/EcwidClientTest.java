package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.ecwid.consul.v1.ConsulClient;
import com.ecwid.consul.v1.QueryParams;
import com.ecwid.consul.v1.Response;
import com.ecwid.consul.v1.agent.model.NewService;
import com.ecwid.consul.v1.health.HealthServicesRequest;
import com.ecwid.consul.v1.health.model.HealthService;
import com.ecwid.consul.v1.kv.model.GetValue;
import com.ecwid.consul.v1.kv.model.PutParams;
import io.registry.catalog.Catalog;
import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unmodified ecwid client (what Spring Cloud Consul 4 uses) against the dev node. */
class EcwidClientTest {
  private static RegistryNode node;
  private static HttpGateway gw;
  private static ConsulClient consul;

  @BeforeAll
  static void start() {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    consul = new ConsulClient("127.0.0.1", gw.port());
  }

  @AfterAll
  static void stop() {
    gw.close();
    node.close();
  }

  @Test
  void kvSetGetRecurseCasDelete() {
    assertThat(consul.setKVValue("ecwid/a", "1").getValue()).isTrue();
    assertThat(consul.setKVValue("ecwid/b", "2").getValue()).isTrue();
    Response<GetValue> a = consul.getKVValue("ecwid/a");
    assertThat(a.getValue().getDecodedValue()).isEqualTo("1");
    assertThat(a.getConsulIndex()).isPositive();
    assertThat(a.isConsulKnownLeader()).isTrue();
    List<GetValue> all = consul.getKVValues("ecwid/").getValue();
    assertThat(all).extracting(GetValue::getKey).containsExactly("ecwid/a", "ecwid/b");

    PutParams stale = new PutParams();
    stale.setCas(a.getValue().getModifyIndex() + 1000);
    assertThat(consul.setKVValue("ecwid/a", "x", stale).getValue()).isFalse();
    PutParams fresh = new PutParams();
    fresh.setCas(a.getValue().getModifyIndex());
    assertThat(consul.setKVValue("ecwid/a", "3", fresh).getValue()).isTrue();
    assertThat(consul.getKVValue("ecwid/a").getValue().getDecodedValue()).isEqualTo("3");

    consul.deleteKVValue("ecwid/a");
    assertThat(consul.getKVValue("ecwid/a").getValue()).isNull();
    consul.deleteKVValues("ecwid/");
    assertThat(consul.getKVValues("ecwid/").getValue()).isNull();
  }

  @Test
  void blockingGetWakesOnChange() {
    consul.setKVValue("ecwid-block/k", "v1");
    long index = consul.getKVValue("ecwid-block/k").getConsulIndex();
    CompletableFuture<Response<GetValue>> parked = CompletableFuture.supplyAsync(
        () -> consul.getKVValue("ecwid-block/k", new QueryParams(30, index)));
    consul.setKVValue("ecwid-block/k", "v2");
    Response<GetValue> r = parked.join();
    assertThat(r.getConsulIndex()).isGreaterThan(index);
    assertThat(r.getValue().getDecodedValue()).isEqualTo("v2");
  }

  @Test
  void blockingGetIsNotAnsweredByAnUnrelatedWrite() {
    consul.setKVValue("ecwid-quiet/k", "v1");
    long index = consul.getKVValue("ecwid-quiet/k").getConsulIndex();
    CompletableFuture<Response<GetValue>> parked = CompletableFuture.supplyAsync(
        () -> consul.getKVValue("ecwid-quiet/k", new QueryParams(2, index)));
    org.awaitility.Awaitility.await().until(
        () -> node.read(Consistency.STALE, Catalog::waiterCount).join() > 0);
    consul.setKVValue("ecwid-quiet/other", "x");
    consul.setKVValue("elsewhere/k", "y");

    // The wait ran out: same index, same value; the other writes did not end it.
    Response<GetValue> r = parked.join();
    assertThat(r.getConsulIndex()).isEqualTo(index);
    assertThat(r.getValue().getDecodedValue()).isEqualTo("v1");
  }

  @Test
  void ttlServiceRegisterPassAndHealthyLookup() {
    NewService svc = new NewService();
    svc.setId("ecwid-web-1");
    svc.setName("ecwid-web");
    svc.setPort(8080);
    svc.setTags(List.of("v1"));
    NewService.Check check = new NewService.Check();
    check.setTtl("30s");
    svc.setCheck(check);
    consul.agentServiceRegister(svc);

    HealthServicesRequest passing = HealthServicesRequest.newBuilder().setPassing(true).build();
    assertThat(consul.getHealthServices("ecwid-web", passing).getValue()).isEmpty();

    consul.agentCheckPass("service:ecwid-web-1");
    org.awaitility.Awaitility.await().untilAsserted(() -> {
      List<HealthService> healthy = consul.getHealthServices("ecwid-web", passing).getValue();
      assertThat(healthy).extracting(h -> h.getService().getId()).containsExactly("ecwid-web-1");
    });
  }
}
