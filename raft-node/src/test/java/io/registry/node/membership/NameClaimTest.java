package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.registry.node.RegistryNodes;
import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node names (membership.md sec. 2, 3): a name held by another live node-id is refused to a
 * client and to a server, a left holder frees it, a failed server holder is replaced.
 */
@Timeout(300)
class NameClaimTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  private static final int ALIVE = 1;
  private static final int FAILED = 4;
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
  void liveNamesAreRefusedLeftNamesAreFreeAndAFailedServerIsReplaced() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    RegistryNode c1 = startClient("c1", "c1");

    String c1Id = c1.self().nodeId();
    assertThatThrownBy(() -> startClient("c1", "c1-other"))
        .hasStackTraceContaining("node name c1 is in use by node-id " + c1Id);
    String s2Id = cluster.node(1).self().nodeId();
    assertThatThrownBy(() -> startClient("s2", "s2-as-client"))
        .hasStackTraceContaining("node name s2 is in use by node-id " + s2Id);
    TestCluster.Slot impostor = new TestCluster.Slot("s2", dir.resolve("s2-impostor"), 0);
    impostor.join = cluster.slots.stream().map(TestCluster.Slot::rpcAddress).toList();
    assertThatThrownBy(() -> RegistryNodes.start(cluster.config(impostor), TestCluster.TUNING))
        .hasStackTraceContaining("node name s2 is in use by node-id " + s2Id);
    assertThat(cluster.node(0).raftStatus().peers()).hasSize(3);

    // After a leave the name is free for a new node.
    c1.leave();
    c1.shutdownRequested().get(30, TimeUnit.SECONDS);
    RegistryNode again = startClient("c1", "c1-other");
    await().atMost(BOUND).untilAsserted(() -> assertThat(member(cluster.node(0), "c1"))
        .get().extracting(Member::status, m -> m.tags().get("id"))
        .containsExactly(ALIVE, again.self().nodeId()));

    // A follower's disk is lost: a new server under its name replaces the failed one.
    TestCluster.Slot leader = cluster.leader();
    TestCluster.Slot lost = cluster.slots.stream().filter(s -> s != leader).findFirst()
        .orElseThrow();
    String oldId = lost.node.self().nodeId();
    cluster.stop(lost);
    RegistryNode survivor = leader.node;
    await().atMost(BOUND).until(() -> member(survivor, lost.name).map(Member::status)
        .orElse(0) == FAILED);
    TestCluster.Slot replacement = new TestCluster.Slot(lost.name,
        dir.resolve(lost.name + "-new"), 0);
    replacement.join = List.of(leader.rpcAddress());
    RegistryNode fresh = RegistryNodes.start(cluster.config(replacement), TestCluster.TUNING);
    extra.add(fresh);
    assertThat(fresh.self().nodeId()).isNotEqualTo(oldId);
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(survivor.raftStatus().peers()).hasSize(3);
      assertThat(member(survivor, lost.name).map(Member::status)).contains(ALIVE);
    });
    assertThat(survivor.write(Kv.set("after-replace", "x")).get(30, TimeUnit.SECONDS).ok())
        .isTrue();
  }

  private RegistryNode startClient(String name, String dirName) {
    NodeConfig base = cluster.config(cluster.slots.get(0));
    NodeConfig c = new NodeConfig(name, null, "dc1", dir.resolve(dirName), false, false, 0,
        "127.0.0.1", "127.0.0.1", 0, TestCluster.freePort(), 0, Map.of(), "info", null,
        base.cluster().withRetryJoin(cluster.slots.stream().map(TestCluster.Slot::rpcAddress)
            .toList(), 0));
    RegistryNode n = RegistryNodes.start(c, TestCluster.TUNING);
    extra.add(n);
    return n;
  }

  private static Optional<Member> member(RegistryNode n, String name) {
    return n.members().stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
