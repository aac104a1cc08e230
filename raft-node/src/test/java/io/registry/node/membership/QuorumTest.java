package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import io.registry.node.raft.RaftHandle;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The removal rule (membership.md sec. 3 "Quorum") on every kind of removal: leave,
 * remove-peer, force-leave; and leave without a leader.
 */
@Timeout(300)
class QuorumTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  // Consul's member status code for left (api.Member).
  private static final int LEFT = 3;
  @TempDir Path dir;
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void removalsThatBreakQuorumAreRefusedAndDeadPeerIsRemovable() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    TestCluster.Slot leader = cluster.leader();
    TestCluster.Slot dead = other(leader, null);
    TestCluster.Slot follower = other(leader, dead);
    String deadPeerId = handle(dead).selfPeerId().toString();
    cluster.stop(dead);
    // Until the leader's own view ages the dead peer out, it would count it healthy.
    await().atMost(BOUND).until(() -> !LeaderHealth.forRemoval(handle(leader).division(),
        handle(follower).selfPeerId(), id -> id.toString()).allows());

    assertThatThrownBy(() -> follower.node.leave(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("leave refused: after removing " + follower.name + ", 1 of 2 voters would"
            + " be healthy; quorum needs 2. Remove the failed server first (registry"
            + " force-leave " + dead.name + ") or use leave -force.");
    // Refused means nothing changed: three voters, the follower serves and writes.
    assertThat(follower.node.raftStatus().peers()).hasSize(3);
    assertThat(follower.node.write(Kv.set("after-refusal", "x")).get().ok()).isTrue();
    // -force: the server may shut down, and it stays in the conf as it was.
    assertThat(follower.node.leave(true)).isNotNull();
    assertThat(follower.node.raftStatus().peers()).hasSize(3);

    // The leader's own leave is refused the same way, and it keeps leading.
    assertThatThrownBy(() -> leader.node.leave(false))
        .hasMessageStartingWith("leave refused: after removing " + leader.name + ", 1 of 2");
    assertThat(leader.node.raftStatus().state()).isEqualTo("leader");

    // remove-peer of the live follower would leave the leader with a dead peer: refused.
    String followerId = handle(follower).selfPeerId().toString();
    assertThatThrownBy(() -> follower.node.removePeer(followerId, ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("removing " + follower.name + " refused: after removing " + follower.name
            + ", 1 of 2 voters would be healthy; quorum needs 2. Remove the failed server first"
            + " (registry force-leave " + dead.name + ").");
    assertThatThrownBy(() -> follower.node.removePeer("nope", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id \"nope\" was not found in the Raft configuration");
    assertThatThrownBy(() -> follower.node.removePeer("", "127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("address \"127.0.0.1:1\" was not found in the Raft configuration");

    // The dead peer goes, by its RPC address, asked on a follower (forwarded to the leader).
    follower.node.removePeer("", dead.rpcAddress());
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(follower.node.raftStatus().peers()).hasSize(2);
      assertThat(status(follower.node, dead.name)).isEqualTo(LEFT);
    });
    assertThat(handle(leader).division().getRaftConf().getCurrentPeers())
        .noneMatch(p -> p.getId().toString().equals(deadPeerId));

    // Two healthy voters: either may leave. The follower goes; the leader is then the last.
    Runnable shutdown = follower.node.leave(false);
    assertThat(shutdown).isNotNull();
    await().atMost(BOUND).untilAsserted(
        () -> assertThat(leader.node.raftStatus().peers()).hasSize(1));
    assertThatThrownBy(() -> leader.node.leave(false))
        .hasMessage("leave refused: " + leader.name + " is the last voter; use leave -force.");
    assertThat(leader.node.write(Kv.set("last-voter", "x")).get().ok()).isTrue();
    assertThat(leader.node.leave(true)).isNotNull();
    assertThat(leader.node.raftStatus().peers()).hasSize(1);
  }

  @Test
  void leaveWithoutLeaderFailsAndTheServerKeepsRunning() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    TestCluster.Slot last = cluster.slots.get(2);
    cluster.stop(cluster.slots.get(0));
    cluster.stop(cluster.slots.get(1));
    await().atMost(BOUND).until(() -> !last.node.raftStatus().knownLeader()
        || !"leader".equals(last.node.raftStatus().state()));

    assertThatThrownBy(() -> last.node.leave(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("leave failed: No cluster leader");
    assertThat(last.node.shutdownRequested()).isNotDone();
    assertThat(last.node.raftStatus().peers()).hasSize(3);
    assertThat((String) ClusterFormationTest.read(last.node,
        io.registry.node.api.Consistency.STALE, c -> "served")).isEqualTo("served");
  }

  private TestCluster.Slot other(TestCluster.Slot a, TestCluster.Slot b) {
    return cluster.slots.stream().filter(s -> s != a && s != b).findFirst().orElseThrow();
  }

  private static RaftHandle handle(TestCluster.Slot s) {
    return (RaftHandle) s.node;
  }

  private static int status(RegistryNode n, String name) {
    return n.members().stream().filter(m -> m.name().equals(name)).mapToInt(Member::status)
        .findFirst().orElse(-1);
  }
}
