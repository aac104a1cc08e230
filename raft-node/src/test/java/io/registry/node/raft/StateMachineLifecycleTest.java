package io.registry.node.raft;

import static io.registry.node.raft.Commands.kvSet;
import static io.registry.node.raft.Commands.kvValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.node.api.Consistency;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import org.apache.ratis.util.LifeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pitfall P2: when a follower installs a snapshot, Ratis pauses the state machine, asserts it
 * is PAUSED, then reinitializes it. BaseStateMachine alone never leaves RUNNING and the
 * follower shut itself down. This drives the same calls on a quiet dev node.
 */
@Timeout(60)
class StateMachineLifecycleTest {

  @Test
  void pauseThenReinitializeReloadsTheLatestSnapshotAndRunsAgain() throws Exception {
    RaftRegistryNode node =
        RaftRegistryNode.start(NodeConfig.devOnFreePorts("life1"), RaftTuning.defaults());
    try {
      node.write(kvSet("life/k", "v")).get();
      long snapshotIndex = node.takeSnapshot();
      CatalogStateMachine sm = node.stateMachine();
      assertThat(sm.getLifeCycleState()).isEqualTo(LifeCycle.State.RUNNING);

      sm.pause();
      assertThat(sm.getLifeCycleState()).isEqualTo(LifeCycle.State.PAUSED);
      sm.reinitialize();

      assertThat(sm.getLifeCycleState()).isEqualTo(LifeCycle.State.RUNNING);
      assertThat(sm.loadedSnapshotIndex()).isEqualTo(snapshotIndex);
      assertThat(node.read(Consistency.STALE, c -> kvValue(c, "life/k")).get()).isEqualTo("v");
      // Apply continues after the reload.
      assertThat(node.write(kvSet("life/k2", "v2")).get().index()).isGreaterThan(snapshotIndex);
      assertThat(node.read(Consistency.CONSISTENT, c -> kvValue(c, "life/k2")).get()).isEqualTo("v2");
    } finally {
      node.close();
    }
  }
}
