package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** force-leave of a dead server: out of the Raft peers, member left, then pruned. */
@Timeout(240)
class ForceLeaveTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  // Consul's member status codes (api.Member): alive 1, left 3, failed 4.
  private static final int LEFT = 3;
  private static final int FAILED = 4;
  @TempDir Path dir;
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void deadServerIsRemovedFromPeersAndMarkedLeftAliveAndUnknownAreRefused() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    TestCluster.Slot leader = cluster.leader();
    // Kill a follower, and ask the other follower, so the change travels to the leader.
    TestCluster.Slot dead = cluster.slots.stream().filter(s -> s != leader).findFirst()
        .orElseThrow();
    cluster.stop(dead);
    RegistryNode asked = cluster.slots.stream().filter(s -> s != leader && s != dead)
        .map(s -> cluster.node(cluster.slots.indexOf(s))).findFirst().orElseThrow();
    await().atMost(BOUND).untilAsserted(() -> assertThat(status(asked, dead.name))
        .isEqualTo(FAILED));

    asked.forceLeave(dead.name, false);

    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(status(asked, dead.name)).isEqualTo(LEFT);
      assertThat(asked.raftStatus().peers()).hasSize(2);
    });
    assertThat(asked.write(Kv.set("after-force-leave", "x")).get().ok()).isTrue();

    String alive = leader.name;
    assertThatThrownBy(() -> asked.forceLeave(alive, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node " + alive + " is alive; run leave on it");
    assertThatThrownBy(() -> asked.forceLeave("nobody", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown node nobody");

    asked.forceLeave(dead.name, true);
    await().atMost(BOUND).untilAsserted(() -> assertThat(asked.members())
        .extracting(Member::name).doesNotContain(dead.name).hasSize(2));
  }

  private static int status(RegistryNode n, String name) {
    return n.members().stream().filter(m -> m.name().equals(name)).mapToInt(Member::status)
        .findFirst().orElse(-1);
  }
}
