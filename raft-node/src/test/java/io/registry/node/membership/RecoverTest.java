package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.registry.node.api.Consistency;
import io.registry.node.raft.RaftRegistryNode;
import io.registry.node.recovery.RaftRecovery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorum lost for good (membership.md sec. 3, failure matrix row 15): two of three servers
 * gone, the third recovered offline as a one-peer group keeps all its data and takes writes.
 */
@Timeout(300)
class RecoverTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  @TempDir Path dir;
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void survivorRecoveredAloneLeadsWithAllItsDataAndTakesWrites() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    TestCluster.Slot survivor = cluster.slots.get(0);
    for (int i = 0; i < 20; i++) {
      assertThat(survivor.node.write(Kv.set("k" + i, "v" + i)).get().ok()).isTrue();
    }
    // Part of the data in a snapshot, the rest only in the log tail.
    ((RaftRegistryNode) survivor.node).takeSnapshot();
    for (int i = 20; i < 30; i++) {
      assertThat(survivor.node.write(Kv.set("k" + i, "v" + i)).get().ok()).isTrue();
    }
    await().atMost(BOUND).untilAsserted(() -> assertThat(
        (String) ClusterFormationTest.read(survivor.node, Consistency.STALE, c -> Kv.get(c, "k29")))
        .isEqualTo("v29"));
    String selfId = ClusterFile.load(survivor.dataDir).raftPeerId();
    List<RaftRecovery.Peer> alone =
        RaftRecovery.parsePeers(selfId + "=127.0.0.1:" + survivor.raftPort);

    assertThatThrownBy(() -> RaftRecovery.run(survivor.dataDir, alone, "t"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is running");

    cluster.stop(cluster.slots.get(1));
    cluster.stop(cluster.slots.get(2));
    cluster.stop(survivor);
    assertThatThrownBy(() -> RaftRecovery.run(survivor.dataDir,
        RaftRecovery.parsePeers("someone-else=127.0.0.1:1"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-peers must include this server, raft peer id " + selfId);

    List<String> report = RaftRecovery.run(survivor.dataDir, alone, "t");
    assertThat(report).anyMatch(l -> l.startsWith("Raft log: last index "));
    Path groupDir = survivor.dataDir.resolve("raft")
        .resolve(ClusterFile.load(survivor.dataDir).groupId().getUuid().toString());
    assertThat(groupDir.resolve("current/raft-meta.conf.before-recover-t")).exists();
    assertThat(survivor.dataDir.resolve("cluster.json.before-recover-t")).exists();
    assertThat(ClusterFile.load(survivor.dataDir).peers()).extracting(ServerEntry::raftPeerId)
        .containsExactly(selfId);

    cluster.start(List.of(survivor));
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(survivor.node.raftStatus().state()).isEqualTo("leader");
      assertThat(survivor.node.raftStatus().peers()).hasSize(1);
    });
    for (int i = 0; i < 30; i++) {
      String key = "k" + i;
      assertThat((String) ClusterFormationTest.read(survivor.node, Consistency.DEFAULT,
          c -> Kv.get(c, key))).isEqualTo("v" + i);
    }
    assertThat(survivor.node.write(Kv.set("after-recover", "x")).get().ok()).isTrue();
    assertThat((String) ClusterFormationTest.read(survivor.node, Consistency.CONSISTENT,
        c -> Kv.get(c, "after-recover"))).isEqualTo("x");
  }
}
