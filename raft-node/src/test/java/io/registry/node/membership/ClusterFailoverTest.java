package io.registry.node.membership;

import static io.registry.node.membership.ClusterFormationTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.registry.node.RegistryNodes;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.ClusterOptions;
import io.registry.node.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Leader loss, failure detection, a full restart from disk, and refused strangers. */
@Timeout(240)
class ClusterFailoverTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  @TempDir Path dir;
  private TestCluster cluster;
  private final List<RegistryNode> extra = new ArrayList<>();

  @AfterEach
  void tearDown() {
    extra.forEach(RegistryNode::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void leaderKillElectsAnotherKeepsAcknowledgedWritesAndSurvivesFullRestart() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      if (cluster.node(i % 3).write(Kv.set("before" + i, "x")).get().ok()) {
        acknowledged.add("before" + i);
      }
    }
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    TestCluster.Slot killed = cluster.leader();
    cluster.stop(killed);

    RegistryNode survivor = cluster.running().get(0);
    await().atMost(BOUND).ignoreExceptions().until(
        () -> survivor.write(Kv.set("after", "y")).get().ok());
    acknowledged.add("after");
    // The survivors' leader marks the killed server failed (serfHealth critical).
    await().atMost(BOUND).untilAsserted(() -> assertThat(survivor.members())
        .filteredOn(m -> m.name().equals(killed.name)).extracting(Member::status)
        .containsExactly(4));
    for (RegistryNode n : cluster.running()) {
      for (String key : acknowledged) {
        assertThat((String) read(n, Consistency.DEFAULT, c -> Kv.get(c, key))).isNotNull();
      }
    }

    // The killed server comes back from its data dir and is alive again.
    cluster.start(List.of(killed));
    await().atMost(BOUND).untilAsserted(() -> assertThat(survivor.members())
        .extracting(Member::status).containsOnly(1));

    // All three stop and restart from disk: same cluster, every write still there.
    String clusterId = read(survivor, Consistency.STALE, c -> c.clusterId());
    cluster.slots.forEach(cluster::stop);
    cluster.startAll();
    for (RegistryNode n : cluster.running()) {
      assertThat((String) read(n, Consistency.STALE, c -> c.clusterId())).isEqualTo(clusterId);
      for (String key : acknowledged) {
        assertThat((String) read(n, Consistency.DEFAULT, c -> Kv.get(c, key))).isNotNull();
      }
    }
    assertThat(cluster.node(1).write(Kv.set("after-restart", "z")).get().ok()).isTrue();
  }

  @Test
  void aServerOfAnotherClusterIsRefused() {
    // Two single-server clusters (bootstrap_expect 1 with a retry-join nobody answers).
    TestCluster.Slot a = new TestCluster.Slot("a", dir.resolve("a"), 1);
    TestCluster.Slot b = new TestCluster.Slot("b", dir.resolve("b"), 1);
    String nowhere = "127.0.0.1:" + TestCluster.freePort();
    extra.add(RegistryNodes.start(config(a, List.of(nowhere)), TestCluster.TUNING));
    RegistryNode first = RegistryNodes.start(config(b, List.of(nowhere)), TestCluster.TUNING);
    first.close();
    assertThat(ClusterFile.load(b.dataDir).clusterId())
        .isNotEqualTo(ClusterFile.load(a.dataDir).clusterId());

    // b restarted with a's address: a refuses it, and b stops with that reason.
    assertThatThrownBy(() -> extra.add(
        RegistryNodes.start(config(b, List.of(a.rpcAddress())), TestCluster.TUNING)))
        .hasMessageContaining("cluster id mismatch");
  }

  @Test
  void unreachableRetryJoinGivesUpAfterRetryMax() {
    TestCluster.Slot lonely = new TestCluster.Slot("lonely", dir.resolve("l"), 3);
    NodeConfig c = config(lonely, List.of("127.0.0.1:" + TestCluster.freePort()));
    NodeConfig limited = new NodeConfig(c.nodeName(), null, "dc1", c.dataDir(), false, true, 3,
        "127.0.0.1", "127.0.0.1", 0, lonely.serverPort, lonely.raftPort, Map.of(), "info", null,
        c.cluster().withRetryJoin(c.cluster().retryJoin(), 2));
    assertThatThrownBy(() -> extra.add(RegistryNodes.start(limited, TestCluster.TUNING)))
        .hasMessage("Failed to join any nodes.");
  }

  private static NodeConfig config(TestCluster.Slot s, List<String> join) {
    ClusterOptions options = ClusterOptions.defaults().withRetryJoin(join, 0).withTestTimings();
    return new NodeConfig(s.name, null, "dc1", s.dataDir, false, true, s.expect, "127.0.0.1",
        "127.0.0.1", 0, s.serverPort, s.raftPort, Map.of(), "info", null, options);
  }
}
