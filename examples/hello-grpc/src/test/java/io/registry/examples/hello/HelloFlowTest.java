package io.registry.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.gateway.grpc.GrpcGateway;
import io.registry.gateway.http.HttpGateway;
import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, Must show 2, on a dev agent (in-process: its HTTP and gRPC APIs on free loopback
 * ports): two hello servers register over HTTP with 1 s TCP checks; the client gets
 * "hello Ada" through the HTTP lookup and through the resolver; one server is killed; the
 * answers keep coming from the other; the killed one drops out of the healthy set; its
 * deregistration removes it from the catalog.
 */
class HelloFlowTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int CALLS = 20;

  private RegistryNode node;
  private HttpGateway http;
  private GrpcGateway grpc;
  private HelloServer one;
  private HelloServer two;
  private HelloClient client;
  private RegistryHttp registry;

  @BeforeEach
  void startAgent() {
    node = RegistryNodes.start(NodeConfig.devOnFreePorts("hello-node"));
    http = HttpGateway.start(node, "127.0.0.1", 0, false);
    grpc = GrpcGateway.start(node, "127.0.0.1", 0);
    registry = new RegistryHttp("127.0.0.1:" + http.port());
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    for (HelloServer s : new HelloServer[] {one, two}) {
      if (s != null) {
        s.kill();
      }
    }
    grpc.close();
    http.close();
    node.close();
  }

  @Test
  void twoServersOneKilledTheOtherKeepsAnswering() throws InterruptedException {
    String agent = "127.0.0.1:" + http.port();
    one = HelloServer.start(agent, 0, "hello-1", "1s", "1s");
    two = HelloServer.start(agent, 0, "hello-2", "1s", "1s");
    // TCP checks start critical and pass on their first run.
    await().atMost(WAIT).until(() -> ids(registry.healthy("hello")),
        ids -> ids.equals(List.of("hello-1", "hello-2")));

    client = new HelloClient(agent, "127.0.0.1:" + grpc.port());
    assertThat(client.viaHttp("Ada")).isEqualTo("hello Ada");
    assertThat(client.viaResolverWhenReady("Ada")).isEqualTo("hello Ada");
    // round_robin over both: each server gets calls.
    await().atMost(WAIT).until(() -> {
      client.viaResolver("Ada");
      return one.served() > 0 && two.served() > 0;
    });

    two.kill();
    // Within the check's interval + timeout; awaited, not timed.
    await().atMost(WAIT).until(() -> ids(registry.healthy("hello")),
        ids -> ids.equals(List.of("hello-1")));
    long oneBefore = one.served();
    long twoBefore = two.served();
    for (int i = 0; i < CALLS; i++) {
      assertThat(client.viaResolver("Ada")).isEqualTo("hello Ada");
      assertThat(client.viaHttp("Bob")).isEqualTo("hello Bob");
    }
    assertThat(one.served() - oneBefore).isEqualTo(2L * CALLS);
    assertThat(two.served()).isEqualTo(twoBefore);

    // The killed server's cleanup (or an operator) deregisters it: gone from the catalog.
    registry.deregister("hello-2");
    await().atMost(WAIT).until(() -> catalogIds(), ids -> ids.equals(List.of("hello-1")));
    one.close();
    one = null;
    await().atMost(WAIT).until(() -> catalogIds(), List::isEmpty);
  }

  private List<String> catalogIds() {
    return node.read(io.registry.node.api.Consistency.STALE,
            c -> c.service("hello", io.registry.catalog.model.HealthFilter.ANY))
        .join().value().stream().map(i -> i.service().id()).toList();
  }

  private static List<String> ids(List<RegistryHttp.Endpoint> endpoints) {
    return endpoints.stream().map(RegistryHttp.Endpoint::id).toList();
  }
}
