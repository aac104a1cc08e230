package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.node.RegistryNodes;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reaper in a 3-server in-JVM cluster with short reap timings: a killed client agent goes
 * failed (with reap_at), then leaves the members and the catalog; a client that left is
 * pruned after the retention; a killed follower is reaped out of the Raft configuration.
 */
@Timeout(240)
class ReaperClusterTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  private static final Duration RECONNECT = Duration.ofSeconds(4);
  private static final int FAILED = 4;
  private static final int LEFT = 3;
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
  void failedAndLeftMembersArePrunedAndAFailedServerLeavesTheConfiguration() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.tuneOptions = o -> o.withReapTimings(RECONNECT, Duration.ofSeconds(3),
        Duration.ofSeconds(1));
    cluster.startAll();
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    RegistryNode server = cluster.node(0);

    client = startClient("c1");
    RegistryNode leaving = startClient("c2");
    assertThat(client.write(register("c1", "web1")).get(30, TimeUnit.SECONDS).ok()).isTrue();
    await().atMost(BOUND).until(() -> member(server, "c1").isPresent()
        && member(server, "c2").isPresent());

    // c2 leaves: left at once, pruned after the retention.
    leaving.leave();
    leaving.shutdownRequested().get(30, TimeUnit.SECONDS);
    leaving.close();
    await().atMost(BOUND).until(() -> member(server, "c2").map(Member::status).orElse(0)
        == LEFT);
    await().atMost(BOUND).until(() -> member(server, "c2").isEmpty());

    // c1 dies: failed, with the deadline in its tags, then gone with its services.
    Instant killed = Instant.now();
    client.close();
    client = null;
    await().atMost(BOUND).untilAsserted(() -> {
      Member c1 = member(server, "c1").orElseThrow();
      assertThat(c1.status()).isEqualTo(FAILED);
      assertThat(Instant.parse(c1.tags().get("reap_at"))).isAfter(killed);
    });
    await().atMost(BOUND).until(() -> member(server, "c1").isEmpty());
    for (RegistryNode n : cluster.running()) {
      await().atMost(BOUND).untilAsserted(() -> assertThat(n.read(Consistency.STALE,
          c -> c.node("c1").value()).get(10, TimeUnit.SECONDS)).isNull());
    }

    // A follower dies: failed, then reaped out of the peers and the members.
    TestCluster.Slot leader = cluster.leader();
    TestCluster.Slot dead = cluster.slots.stream().filter(s -> s != leader).findFirst()
        .orElseThrow();
    cluster.stop(dead);
    RegistryNode survivor = leader.node;
    await().atMost(BOUND).until(() -> member(survivor, dead.name).map(Member::status)
        .orElse(0) == FAILED);
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(member(survivor, dead.name)).isEmpty();
      assertThat(survivor.raftStatus().peers()).hasSize(2);
    });
    assertThat(survivor.write(Kv.set("after-reap", "x")).get(30, TimeUnit.SECONDS).ok())
        .isTrue();
  }

  private RegistryNode startClient(String name) {
    NodeConfig base = cluster.config(cluster.slots.get(0));
    NodeConfig c = new NodeConfig(name, null, "dc1", dir.resolve(name), false, false, 0,
        "127.0.0.1", "127.0.0.1", 0, TestCluster.freePort(), 0, Map.of(), "info", null,
        base.cluster().withRetryJoin(cluster.slots.stream().map(TestCluster.Slot::rpcAddress)
            .toList(), 0));
    return RegistryNodes.start(c, TestCluster.TUNING);
  }

  private static Command register(String node, String serviceId) {
    return Command.newBuilder().setRegister(Register.newBuilder()
        .setNode(NodeRow.newBuilder().setName(node).setAddress("127.0.0.1"))
        .setSkipNodeUpdate(true)
        .setService(ServiceRow.newBuilder().setId(serviceId).setName("web").setPort(80)))
        .build();
  }

  private static Optional<Member> member(RegistryNode n, String name) {
    return n.members().stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
