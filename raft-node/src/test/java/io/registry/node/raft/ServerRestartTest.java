package io.registry.node.raft;

import static io.registry.node.raft.Commands.kvSet;
import static io.registry.node.raft.Commands.kvValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.node.api.Consistency;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import io.registry.node.storage.NodeIdStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A -server -bootstrap-expect=1 node keeps everything acknowledged across restarts. */
@Timeout(60)
class ServerRestartTest {
  @TempDir Path dataDir;

  private NodeConfig config() {
    return new NodeConfig("srv1", null, "dc1", dataDir, false, true, 1, "127.0.0.1",
        "127.0.0.1", 0, 0, 0, Map.of("rack", "r1"), "info");
  }

  @Test
  void restartLoadsTheSnapshotTakenOnClose() throws Exception {
    String nodeId;
    String clusterId;
    long nodeModifyIndex;
    RaftRegistryNode first = RaftRegistryNode.start(config(), RaftTuning.defaults());
    try {
      assertThat(first.recoveredSnapshotIndex()).isEqualTo(-1);
      assertThat(first.write(kvSet("k1", "v1")).get().ok()).isTrue();
      nodeId = first.self().nodeId();
      clusterId = first.read(Consistency.STALE, c -> c.clusterId()).get();
      nodeModifyIndex = first.read(Consistency.STALE, c -> c.node("srv1").value().node().modifyIndex()).get();
    } finally {
      first.close();
    }
    first.close();
    assertThat(Files.readString(dataDir.resolve(NodeIdStore.FILE_NAME), StandardCharsets.UTF_8))
        .isEqualTo(nodeId);

    RaftRegistryNode second = RaftRegistryNode.start(config(), RaftTuning.defaults());
    try {
      assertThat(second.recoveredSnapshotIndex()).isPositive();
      assertThat(second.self().nodeId()).isEqualTo(nodeId);
      assertThat(second.read(Consistency.STALE, c -> c.clusterId()).get()).isEqualTo(clusterId);
      assertThat(second.read(Consistency.CONSISTENT, c -> kvValue(c, "k1")).get()).isEqualTo("v1");
      // Re-registering an unchanged node at start is a no-op: its row keeps its index.
      assertThat(second.read(Consistency.STALE, c -> c.node("srv1").value().node().modifyIndex()).get())
          .isEqualTo(nodeModifyIndex);
      assertThat(second.read(Consistency.STALE, c -> c.node("srv1").value().node().meta()).get())
          .containsEntry("rack", "r1");
      assertThat(second.write(kvSet("k2", "v2")).get().ok()).isTrue();
    } finally {
      second.close();
    }
  }

  @Test
  void restartReplaysTheLogAfterAnExplicitSnapshot() throws Exception {
    RaftTuning noSnapshotOnStop = RaftTuning.defaults().withSnapshotOnStop(false);
    long snapshotIndex;
    long lastWrite;
    RaftRegistryNode first = RaftRegistryNode.start(config(), noSnapshotOnStop);
    try {
      first.write(kvSet("before", "snap")).get();
      snapshotIndex = first.takeSnapshot();
      assertThat(snapshotIndex).isPositive();
      lastWrite = first.write(kvSet("after", "snap")).get().index();
      assertThat(lastWrite).isGreaterThan(snapshotIndex);
    } finally {
      first.close();
    }

    RaftRegistryNode second = RaftRegistryNode.start(config(), noSnapshotOnStop);
    try {
      assertThat(second.recoveredSnapshotIndex()).isEqualTo(snapshotIndex);
      assertThat(second.read(Consistency.DEFAULT, c -> kvValue(c, "before")).get()).isEqualTo("snap");
      assertThat(second.read(Consistency.DEFAULT, c -> kvValue(c, "after")).get()).isEqualTo("snap");
      assertThat(second.read(Consistency.STALE, c -> c.kvGet("after").value().modifyIndex()).get())
          .isEqualTo(lastWrite);
    } finally {
      second.close();
    }
  }

  @Test
  void autoSnapshotAtALowThresholdIsLoadedOnRestart() throws Exception {
    RaftTuning tuning = RaftTuning.defaults().withSnapshotThreshold(5).withSnapshotOnStop(false);
    RaftRegistryNode first = RaftRegistryNode.start(config(), tuning);
    try {
      for (int i = 0; i < 20; i++) {
        first.write(kvSet("auto/" + i, Integer.toString(i))).get();
      }
    } finally {
      first.close();
    }
    RaftRegistryNode second = RaftRegistryNode.start(config(), tuning);
    try {
      assertThat(second.recoveredSnapshotIndex()).isPositive();
      for (int i = 0; i < 20; i++) {
        int n = i;
        assertThat(second.read(Consistency.STALE, c -> kvValue(c, "auto/" + n)).get())
            .isEqualTo(Integer.toString(i));
      }
    } finally {
      second.close();
    }
  }
}
