package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.MemberReap;
import io.registry.node.RegistryNodes;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client agent that is still running but whose member row is gone (reaped while it was cut
 * off longer than reconnect_timeout) hears so in its heartbeat replies and announces itself
 * again: member alive, node back in the catalog. So does one whose node was deregistered
 * through the catalog API while its member row stayed alive.
 */
@Timeout(180)
class ReannounceTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  private static final int ALIVE = 1;
  @TempDir Path dir;
  private TestCluster cluster;
  private RegistryNode client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aRunningClientWhoseMemberRowWasReapedComesBack() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    RegistryNode server = cluster.node(0);
    client = startClient();
    await().atMost(BOUND).until(() -> member(server, "c1").isPresent());

    // What reaping a member silent past reconnect_timeout does: node and member row gone.
    assertThat(server.write(Command.newBuilder()
        .setDeregister(Deregister.newBuilder().setNode("c1")).build())
        .get(30, TimeUnit.SECONDS).ok()).isTrue();
    assertThat(server.write(Command.newBuilder()
        .setMemberReap(MemberReap.newBuilder().setNode("c1")).build())
        .get(30, TimeUnit.SECONDS).ok()).isTrue();

    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(member(server, "c1").map(Member::status)).hasValue(ALIVE);
      assertThat(server.read(Consistency.STALE, c -> c.node("c1").value())
          .get(10, TimeUnit.SECONDS)).isNotNull();
    });
  }

  @Test
  void aRunningClientWhoseNodeWasDeregisteredThroughTheCatalogComesBack() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    RegistryNode server = cluster.node(0);
    client = startClient();
    await().atMost(BOUND).until(() -> member(server, "c1").isPresent());

    // Someone removes the node with PUT /v1/catalog/deregister; its member row stays alive.
    assertThat(server.write(Command.newBuilder()
        .setDeregister(Deregister.newBuilder().setNode("c1")).build())
        .get(30, TimeUnit.SECONDS).ok()).isTrue();

    await().atMost(BOUND).untilAsserted(() -> assertThat(server.read(Consistency.STALE,
        c -> c.node("c1").value()).get(10, TimeUnit.SECONDS)).isNotNull());
  }

  private RegistryNode startClient() {
    NodeConfig base = cluster.config(cluster.slots.get(0));
    return RegistryNodes.start(new NodeConfig("c1", null, "dc1", dir.resolve("c1"), false,
        false, 0, "127.0.0.1", "127.0.0.1", 0, TestCluster.freePort(), 0, Map.of(), "info",
        null, base.cluster().withRetryJoin(
            cluster.slots.stream().map(TestCluster.Slot::rpcAddress).toList(), 0)),
        TestCluster.TUNING);
  }

  private static Optional<Member> member(RegistryNode n, String name) {
    return n.members().stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
