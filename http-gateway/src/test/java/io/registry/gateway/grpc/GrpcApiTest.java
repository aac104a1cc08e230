package io.registry.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.registry.grpc.v1.Check;
import io.registry.grpc.v1.DeregisterRequest;
import io.registry.grpc.v1.Health;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.grpc.v1.HealthyResponse;
import io.registry.grpc.v1.Instance;
import io.registry.grpc.v1.RegisterRequest;
import io.registry.grpc.v1.ServiceRegistration;
import io.registry.grpc.v1.TcpCheck;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrpcApiTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static GrpcNode registry;

  @BeforeAll
  static void start() {
    registry = new GrpcNode();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    registry.close();
  }

  @Test
  void registerHealthyDeregister() {
    RegisterRequest web = Regs.ttl("api", "api-1", 8080).toBuilder()
        .setService(Regs.ttl("api", "api-1", 8080).getService().toBuilder()
            .addTags("v1").putMeta("zone", "a"))
        .build();
    registry.blocking().register(web);

    // The agent answers after its local change; the catalog write follows at once.
    HealthyResponse healthy = await().atMost(WAIT)
        .until(() -> registry.blocking().healthy(request("api")), r -> r.getInstancesCount() == 1);
    assertThat(healthy.getInstancesList()).singleElement().satisfies(i -> {
      assertThat(i.getId()).isEqualTo("api-1");
      assertThat(i.getNode()).isEqualTo("grpc-test-node");
      assertThat(i.getAddress()).isEqualTo("127.0.0.1");
      assertThat(i.getPort()).isEqualTo(8080);
      assertThat(i.getTagsList()).containsExactly("v1");
      assertThat(i.getMetaMap()).containsEntry("zone", "a");
      assertThat(i.getHealth()).isEqualTo(Health.HEALTH_PASSING);
    });
    assertThat(healthy.getIndex()).isPositive();
    assertThat(registry.blocking().healthy(request("API").toBuilder().setTag("V1").build())
        .getInstancesCount()).isEqualTo(1);
    assertThat(registry.blocking().healthy(request("api").toBuilder().setTag("v2").build())
        .getInstancesCount()).isZero();

    registry.blocking().deregister(DeregisterRequest.newBuilder().setId("api-1").build());
    await().atMost(WAIT)
        .until(() -> registry.blocking().healthy(request("api")), r -> r.getInstancesCount() == 0);
    assertThatThrownBy(() -> registry.blocking()
        .deregister(DeregisterRequest.newBuilder().setId("api-1").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void invalidRegistrationsNameTheField() {
    assertInvalid(s -> s.setName(""), "service.name");
    assertInvalid(s -> s.setPort(70000), "service.port");
    assertInvalid(s -> s.setAddress("0.0.0.0"), "service.address");
    assertInvalid(s -> s.putMeta("consul-x", "y"), "service.meta");
    assertInvalid(s -> s.addChecks(Check.newBuilder()), "service.checks[0]");
    assertInvalid(s -> s.addChecks(Check.newBuilder()
        .setTcp(TcpCheck.newBuilder().setAddress("127.0.0.1:1"))), "service.checks[0].interval");
    assertInvalid(s -> s.addChecks(Check.newBuilder().setStatus("fine")
        .setTcp(TcpCheck.newBuilder().setAddress("127.0.0.1:1")).setInterval(Regs.seconds(1))),
        "service.checks.status");
    assertThatThrownBy(() -> registry.blocking().healthy(HealthyRequest.getDefaultInstance()))
        .hasMessageContaining("INVALID_ARGUMENT: service");
  }

  @Test
  void watchSendsTheSetWhenItChangesAndOnlyThen() {
    try (SetRecorder watch = SetRecorder.watch(registry.async(), request("web"))) {
      await().atMost(WAIT).until(watch::sets, s -> s.equals(List.of(List.of())));

      registry.blocking().register(Regs.ttl("web", "web-1", 9001));
      await().atMost(WAIT).until(watch::sets, s -> s.size() == 2);
      // An unrelated service changes: the web watch must not wake, let alone send.
      registry.blocking().register(Regs.ttl("other", "other-1", 9100));
      registry.blocking().register(Regs.ttl("web", "web-2", 9002));
      await().atMost(WAIT).until(watch::sets, s -> s.size() == 3);
      registry.node.agent().updateTtlCheck("service:web-2", "critical", "down");
      await().atMost(WAIT).until(watch::sets, s -> s.size() == 4);
      registry.blocking().deregister(DeregisterRequest.newBuilder().setId("web-1").build());
      await().atMost(WAIT).until(watch::sets, s -> s.size() == 5);

      assertThat(watch.sets()).containsExactly(
          List.of(),
          List.of("web-1"),
          List.of("web-1", "web-2"),
          List.of("web-1"),
          List.of());
    }
  }

  @Test
  void cancellingTheStreamRemovesItsWaiter() {
    int before = registry.waiters();
    SetRecorder watch = SetRecorder.watch(registry.async(), request("cancelled"));
    await().atMost(WAIT).until(watch::sets, s -> s.size() == 1);
    await().atMost(WAIT).until(registry::waiters, n -> n == before + 1);

    watch.close();

    await().atMost(WAIT).until(registry::waiters, n -> n == before);
  }

  private static void assertInvalid(UnaryOperator<ServiceRegistration.Builder> change,
      String field) {
    ServiceRegistration.Builder s = ServiceRegistration.newBuilder().setName("bad").setId("bad");
    RegisterRequest r = RegisterRequest.newBuilder().setService(change.apply(s)).build();
    assertThatThrownBy(() -> registry.blocking().register(r))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith(field + ":");
        });
  }

  private static HealthyRequest request(String service) {
    return HealthyRequest.newBuilder().setService(service).build();
  }

  static List<String> ids(HealthyResponse set) {
    return set.getInstancesList().stream().map(Instance::getId).toList();
  }
}
