package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.RaftTuning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a full stop, servers come back one at a time: the first waits for a quorum however
 * long the others take (membership.md sec. 7 row 3), and then serves everything it had.
 */
@Timeout(180)
class StaggeredRestartTest {
  /** Start attempts of one second: the old start gave up after a single attempt. */
  private static final RaftTuning SHORT_ATTEMPTS = new RaftTuning(Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10_000, true,
      Duration.ofSeconds(1), Duration.ofSeconds(3), RaftTuning.DEFAULT_MAX_COMMAND_BYTES);

  @TempDir Path dir;
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aServerRestartedAloneWaitsForTheOthersInsteadOfGivingUp() throws Exception {
    cluster = new TestCluster(dir, 3);
    cluster.startAll();
    assertThat(cluster.node(0).write(Kv.set("kept", "v")).get().ok()).isTrue();
    cluster.slots.forEach(cluster::stop);

    TestCluster.Slot first = cluster.slots.get(0);
    CompletableFuture<RegistryNode> starting = cluster.startAsync(first, SHORT_ATTEMPTS);
    // Several attempts' worth of time without a quorum: the start is still waiting.
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
        .until(() -> !starting.isDone());

    cluster.start(cluster.slots.subList(1, 3));
    first.node = starting.get(60, TimeUnit.SECONDS);
    for (RegistryNode n : cluster.running()) {
      String value = n.read(Consistency.DEFAULT, c -> Kv.get(c, "kept")).get(30, TimeUnit.SECONDS);
      assertThat(value).isEqualTo("v");
    }
    assertThat(first.node.write(Kv.set("after", "w")).get().ok()).isTrue();
    assertThat(first.node.raftStatus().state()).isIn("leader", "follower");
  }
}
