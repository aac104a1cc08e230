package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.registry.node.RegistryNodes;
import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.ClusterOptions;
import io.registry.node.config.NodeConfig;
import io.registry.node.storage.LeftMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The left marker (membership.md sec. 1, 3, 5): written after a graceful leave; at start it
 * keeps a node from rejoining its remembered servers unless -rejoin, an explicit -retry-join
 * still joins, and a server comes back as a new Raft peer.
 */
@Timeout(300)
class RejoinTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  @TempDir Path dir;
  private TestCluster cluster;
  private TestCluster other;
  private RegistryNode client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (other != null) {
      other.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void serverThatLeftRejoinsOnlyWhenAskedAndAsANewRaftPeer() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    TestCluster.Slot s3 = nonLeader();
    String firstPeer = ClusterFile.load(s3.dataDir).raftPeerId();
    leave(s3);
    assertThat(LeftMarker.exists(s3.dataDir)).isTrue();
    RegistryNode survivor = cluster.running().get(0);
    await().atMost(BOUND).until(() -> survivor.raftStatus().peers().size() == 2);

    // Nothing to join (no -retry-join, no -rejoin): a plain refusal, the data dir untouched.
    assertThatThrownBy(() -> RegistryNodes.start(config(s3, List.of(), false),
        TestCluster.TUNING))
        .hasMessageContaining("left its cluster gracefully")
        .hasMessageContaining("-rejoin");
    assertThat(LeftMarker.exists(s3.dataDir)).isTrue();
    assertThat(oldRaftDirs(s3)).isEmpty();
    assertThat(ClusterFile.load(s3.dataDir).raftPeerId()).isEqualTo(firstPeer);

    // -rejoin alone: back through the servers it remembered, under a new peer id.
    s3.node = RegistryNodes.start(config(s3, List.of(), true), TestCluster.TUNING);
    String secondPeer = assertRejoined(s3, firstPeer, survivor);

    // Left again; an explicit -retry-join (without -rejoin) joins as well.
    leave(s3);
    await().atMost(BOUND).until(() -> survivor.raftStatus().peers().size() == 2);
    s3.node = RegistryNodes.start(config(s3, s3.join, false), TestCluster.TUNING);
    assertRejoined(s3, secondPeer, survivor);

    // A running server joins through a server of its own cluster, and is refused by another.
    s3.node.join(cluster.slots.get(0).rpcAddress());
    other = new TestCluster(dir.resolve("other"), 1);
    other.startAll();
    assertThatThrownBy(() -> s3.node.join(other.slots.get(0).rpcAddress()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cluster id mismatch");
    assertThatThrownBy(() -> s3.node.join("127.0.0.1:" + TestCluster.freePort()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void clientThatLeftSkipsRememberedServersUnlessRejoinAndIsAliveAgainAfterAJoin()
      throws Exception {
    cluster = new TestCluster(dir, 1);
    cluster.startAll();
    RegistryNode server = cluster.node(0);
    List<String> join = List.of(cluster.slots.get(0).rpcAddress());
    Path data = dir.resolve("c1");
    client = RegistryNodes.start(clientConfig(data, join, false, 0), TestCluster.TUNING);
    await().atMost(BOUND).until(() -> status(server, "c1") == 1);

    client.leave();
    client.shutdownRequested().get(60, TimeUnit.SECONDS);
    client.close();
    client = null;
    assertThat(LeftMarker.exists(data)).isTrue();
    await().atMost(BOUND).until(() -> status(server, "c1") == 3);

    // Only a dead address to join: the remembered server is not tried after a leave...
    List<String> dead = List.of("127.0.0.1:" + TestCluster.freePort());
    assertThatThrownBy(() -> RegistryNodes.start(clientConfig(data, dead, false, 2),
        TestCluster.TUNING)).hasMessage("Failed to join any nodes.");
    assertThat(LeftMarker.exists(data)).isTrue();
    // ...unless -rejoin; then the client is alive again and the marker is gone.
    client = RegistryNodes.start(clientConfig(data, dead, true, 0), TestCluster.TUNING);
    await().atMost(BOUND).until(() -> status(server, "c1") == 1);
    assertThat(LeftMarker.exists(data)).isFalse();

    client.join(join.get(0));
    other = new TestCluster(dir.resolve("other"), 1);
    other.startAll();
    assertThatThrownBy(() -> client.join(other.slots.get(0).rpcAddress()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cluster id mismatch");
  }

  private String assertRejoined(TestCluster.Slot s, String previousPeer, RegistryNode survivor)
      throws Exception {
    ClusterFile f = ClusterFile.load(s.dataDir);
    assertThat(f.raftPeerId()).isNotEqualTo(previousPeer);
    assertThat(f.state()).isEqualTo(ClusterFile.MEMBER);
    assertThat(LeftMarker.exists(s.dataDir)).isFalse();
    assertThat(oldRaftDirs(s)).isEmpty();
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(survivor.raftStatus().peers()).hasSize(3);
      assertThat(status(survivor, s.name)).isEqualTo(1);
    });
    assertThat(s.node.write(Kv.set("after-rejoin", f.raftPeerId())).get(30, TimeUnit.SECONDS)
        .ok()).isTrue();
    return f.raftPeerId();
  }

  private void leave(TestCluster.Slot s) throws Exception {
    s.node.leave();
    s.node.shutdownRequested().get(60, TimeUnit.SECONDS);
    cluster.stop(s);
  }

  private TestCluster.Slot nonLeader() {
    await().atMost(BOUND).until(() -> cluster.leader() != null);
    TestCluster.Slot leader = cluster.leader();
    return cluster.slots.stream().filter(s -> s != leader).reduce((a, b) -> b).orElseThrow();
  }

  private static int status(RegistryNode n, String name) {
    return n.members().stream().filter(m -> m.name().equals(name)).map(Member::status)
        .findFirst().orElse(0);
  }

  private static List<Path> oldRaftDirs(TestCluster.Slot s) throws Exception {
    try (Stream<Path> files = Files.list(s.dataDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(Rejoin.OLD_RAFT_PREFIX))
          .toList();
    }
  }

  private static NodeConfig config(TestCluster.Slot s, List<String> join, boolean rejoin) {
    return new NodeConfig(s.name, null, "dc1", s.dataDir, false, true, s.expect, "127.0.0.1",
        "127.0.0.1", 0, s.serverPort, s.raftPort, Map.of(), "info", null,
        options(join, rejoin, 0));
  }

  private static NodeConfig clientConfig(Path data, List<String> join, boolean rejoin,
      int retryMax) {
    return new NodeConfig("c1", null, "dc1", data, false, false, 0, "127.0.0.1", "127.0.0.1",
        0, 0, 0, Map.of(), "info", null, options(join, rejoin, retryMax));
  }

  private static ClusterOptions options(List<String> join, boolean rejoin, int retryMax) {
    return ClusterOptions.defaults().withRetryJoin(join, retryMax).withTestTimings()
        .withRejoin(rejoin);
  }
}
