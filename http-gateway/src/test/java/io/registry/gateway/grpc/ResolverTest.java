package io.registry.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.registry.catalog.model.HealthFilter;
import io.registry.grpc.v1.DeregisterRequest;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.node.api.Consistency;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A round_robin channel on registry://.../echo against two real backends with TCP checks
 * (1 s interval): it follows instances being added, killed and removed.
 */
class ResolverTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int CALLS = 30;

  private GrpcNode registry;
  private EchoBackend a;
  private EchoBackend b;
  private ManagedChannel channel;

  @BeforeEach
  void start() {
    registry = new GrpcNode();
    a = new EchoBackend("a");
    b = new EchoBackend("b");
    channel = ManagedChannelBuilder.forTarget("registry://" + registry.address() + "/echo")
        .defaultLoadBalancingPolicy("round_robin")
        .usePlaintext()
        .build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    a.close();
    b.close();
    registry.close();
  }

  @Test
  void survivesTheDeathOfOneOfTwoServers() throws InterruptedException {
    registry.blocking().register(Regs.tcp("echo", "echo-a", a.port()));
    // No healthy instance yet means failing calls, so wait for an answer.
    await().atMost(WAIT).ignoreExceptions().until(() -> EchoBackend.call(channel), "a"::equals);

    registry.blocking().register(Regs.tcp("echo", "echo-b", b.port()));
    await().atMost(WAIT).ignoreExceptions().until(() -> EchoBackend.call(channel), "b"::equals);

    b.close();
    await().atMost(WAIT).until(() -> healthyIds(), ids -> ids.equals(List.of("echo-a")));
    // Must show 3: once the registry marks it critical, no call fails and none goes to b.
    for (int i = 0; i < CALLS; i++) {
      assertThat(EchoBackend.call(channel)).isEqualTo("a");
    }

    registry.blocking().deregister(DeregisterRequest.newBuilder().setId("echo-b").build());
    await().atMost(WAIT).until(
        () -> registry.node.read(Consistency.STALE, c -> c.service("echo", HealthFilter.ANY))
            .join().value().size() == 1);
    for (int i = 0; i < CALLS; i++) {
      assertThat(EchoBackend.call(channel)).isEqualTo("a");
    }
  }

  @Test
  void keepsTheLastSetWhileTheRegistryIsAwayAndFollowsItAgainAfter() {
    registry.blocking().register(Regs.tcp("echo", "echo-a", a.port()));
    registry.blocking().register(Regs.tcp("echo", "echo-b", b.port()));
    await().atMost(WAIT).ignoreExceptions().until(() -> EchoBackend.call(channel), "a"::equals);
    await().atMost(WAIT).ignoreExceptions().until(() -> EchoBackend.call(channel), "b"::equals);

    registry.stopGateway();
    for (int i = 0; i < CALLS; i++) {
      assertThat(EchoBackend.call(channel)).isIn("a", "b");
    }

    registry.startGateway();
    // Removing b is only seen by a resolver that reconnected its watch.
    registry.node.agent().deregisterService("echo-b");
    await().atMost(WAIT).until(() -> healthyIds(), ids -> ids.equals(List.of("echo-a")));
    await().atMost(WAIT).until(() -> callsAllGoTo("a"));
  }

  private List<String> healthyIds() {
    return GrpcApiTest.ids(
        registry.blocking().healthy(HealthyRequest.newBuilder().setService("echo").build()));
  }

  /** Round robin over the current set: a run of calls all to one backend means it is alone. */
  private boolean callsAllGoTo(String backend) {
    for (int i = 0; i < 4; i++) {
      if (!backend.equals(EchoBackend.call(channel))) {
        return false;
      }
    }
    return true;
  }
}
