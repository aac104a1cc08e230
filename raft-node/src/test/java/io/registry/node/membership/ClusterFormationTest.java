package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three servers with -bootstrap-expect=3 form one group; writes through any server reach the
 * leader; a fourth server joins through a configuration change; a server leaves.
 */
@Timeout(240)
class ClusterFormationTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  @TempDir Path dir;
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void threeServersFormOneGroupReplicateJoinAFourthAndLetOneLeave() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();

    Set<String> clusterIds = cluster.running().stream()
        .map(n -> read(n, Consistency.STALE, c -> c.clusterId()))
        .collect(Collectors.toSet());
    assertThat(clusterIds).hasSize(1).doesNotContain("");
    Set<String> files = cluster.slots.stream()
        .map(s -> ClusterFile.load(s.dataDir).clusterId()).collect(Collectors.toSet());
    assertThat(files).isEqualTo(clusterIds);

    // Every server names the same leader and the three voters.
    await().atMost(BOUND).untilAsserted(() -> {
      for (RegistryNode n : cluster.running()) {
        assertThat(n.raftStatus().leaderAddress()).isNotEmpty();
        assertThat(n.raftStatus().peers()).hasSize(3);
      }
    });
    String leader = cluster.node(0).raftStatus().leaderAddress();
    assertThat(cluster.running()).allSatisfy(
        n -> assertThat(n.raftStatus().leaderAddress()).isEqualTo(leader));

    // A write through each server; each is readable everywhere.
    for (int i = 0; i < 3; i++) {
      assertThat(cluster.node(i).write(Kv.set("k" + i, "v" + i)).get().ok()).isTrue();
    }
    for (RegistryNode n : cluster.running()) {
      // DEFAULT on a follower goes through a ReadIndex round: no waiting needed.
      assertThat((String) read(n, Consistency.DEFAULT, c -> Kv.get(c, "k2"))).isEqualTo("v2");
      assertThat((String) read(n, Consistency.CONSISTENT, c -> Kv.get(c, "k0"))).isEqualTo("v0");
      await().atMost(BOUND).until(() -> "v1".equals(read(n, Consistency.STALE,
          c -> Kv.get(c, "k1"))));
    }

    // Members: three alive servers, the same on every node.
    for (RegistryNode n : cluster.running()) {
      await().atMost(BOUND).untilAsserted(() -> assertThat(n.members())
          .extracting(Member::name, Member::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("s1", 1),
              org.assertj.core.groups.Tuple.tuple("s2", 1),
              org.assertj.core.groups.Tuple.tuple("s3", 1)));
    }

    // A fourth server joins the formed cluster and becomes a voter.
    TestCluster.Slot fourth = cluster.addJoiner("s4");
    cluster.start(List.of(fourth));
    await().atMost(BOUND).untilAsserted(() -> {
      for (RegistryNode n : cluster.running()) {
        assertThat(n.raftStatus().peers()).hasSize(4);
      }
    });
    assertThat(fourth.node.write(Kv.set("k4", "v4")).get().ok()).isTrue();
    assertThat((String) read(fourth.node, Consistency.DEFAULT, c -> Kv.get(c, "k0"))).isEqualTo("v0");
    assertThat(ClusterFile.load(fourth.dataDir).state()).isEqualTo(ClusterFile.MEMBER);

    // The leader leaves: leadership moves, the conf shrinks, it shows as left elsewhere.
    TestCluster.Slot leaving = cluster.leader();
    assertThat(leaving).isNotNull();
    leaving.node.leave();
    leaving.node.shutdownRequested().get(60, java.util.concurrent.TimeUnit.SECONDS);
    cluster.stop(leaving);
    RegistryNode survivor = cluster.running().get(0);
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(survivor.raftStatus().peers()).hasSize(3);
      assertThat(survivor.members()).filteredOn(m -> m.name().equals(leaving.name))
          .extracting(Member::status).containsExactly(3);
    });
    await().atMost(BOUND).untilAsserted(
        () -> assertThat(survivor.write(Kv.set("after-leave", "x")).get().ok()).isTrue());
  }

  static <T> T read(RegistryNode n, Consistency mode, java.util.function.Function<
      io.registry.catalog.Catalog, T> q) {
    try {
      return n.read(mode, q).get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
