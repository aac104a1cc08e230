package io.registry.node.raft;

import static io.registry.node.raft.Commands.kvSet;
import static io.registry.node.raft.Commands.kvValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Node;
import io.registry.node.RegistryNodes;
import io.registry.node.api.CommandTooLargeException;
import io.registry.node.api.Consistency;
import io.registry.node.api.Member;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import io.registry.node.config.RaftTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One dev node shared by the tests of this class: starting Ratis is the slow part. */
@Timeout(60)
class DevNodeTest {
  private static RegistryNode node;

  @BeforeAll
  static void start() {
    node = RegistryNodes.start(NodeConfig.devOnFreePorts("dev1"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void kvWriteIsReadableInEveryConsistencyMode() throws Exception {
    ApplyResult r = node.write(kvSet("dev/a", "1")).get();
    assertThat(r.ok()).isTrue();
    for (Consistency c : Consistency.values()) {
      assertThat(node.read(c, catalog -> kvValue(catalog, "dev/a")).get()).as(c.name()).isEqualTo("1");
    }
  }

  @Test
  void writeAnswersCarryTheRaftIndex() throws Exception {
    ApplyResult first = node.write(kvSet("dev/idx", "1")).get();
    ApplyResult second = node.write(kvSet("dev/idx", "2")).get();
    assertThat(first.index()).isPositive();
    assertThat(second.index()).isGreaterThan(first.index());
    RaftStatus status = node.raftStatus();
    assertThat(status.appliedIndex()).isGreaterThanOrEqualTo(second.index());
    assertThat(node.read(Consistency.STALE, c -> c.kvGet("dev/idx").value().modifyIndex()).get())
        .isEqualTo(second.index());
  }

  @Test
  void oversizedCommandIsRejectedBeforeRaftAndTheNodeKeepsServing() throws Exception {
    long lastLog = node.raftStatus().lastLogIndex();
    byte[] big = new byte[RaftTuning.DEFAULT_MAX_COMMAND_BYTES + 1];
    assertThatThrownBy(() -> node.write(kvSet("dev/big", big)).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CommandTooLargeException.class);
    assertThat(node.raftStatus().lastLogIndex()).isEqualTo(lastLog);
    assertThat(node.write(kvSet("dev/after-big", "ok")).get().ok()).isTrue();
    assertThat(node.read(Consistency.DEFAULT, c -> kvValue(c, "dev/after-big")).get()).isEqualTo("ok");
  }

  @Test
  void registersItselfWithSerfHealthAndTheConsulService() throws Exception {
    Node self = node.read(Consistency.STALE, c -> c.node("dev1").value().node()).get();
    assertThat(self.id()).isEqualTo(node.self().nodeId());
    assertThat(self.address()).isEqualTo("127.0.0.1");
    assertThat(self.meta()).containsEntry("consul-network-segment", "");
    assertThat(self.taggedAddresses()).containsEntry("lan", "127.0.0.1").containsEntry("wan_ipv4", "127.0.0.1");
    var checks = node.read(Consistency.STALE, c -> c.nodeChecks("dev1").value()).get();
    assertThat(checks).anySatisfy(ch -> {
      assertThat(ch.checkId()).isEqualTo("serfHealth");
      assertThat(ch.status()).isEqualTo("passing");
    });
    var services = node.read(Consistency.STALE, c -> c.services().value()).get();
    assertThat(services).containsKey("consul");
    assertThat(node.read(Consistency.STALE, c -> c.clusterId()).get()).isNotEmpty();
  }

  @Test
  void reportsItselfAsLeaderAndOnlyMember() {
    RaftStatus status = node.raftStatus();
    String serverAddress = node.self().serverAddress();
    assertThat(serverAddress).startsWith("127.0.0.1:");
    assertThat(status.state()).isEqualTo("leader");
    assertThat(status.knownLeader()).isTrue();
    assertThat(status.leaderAddress()).isEqualTo(serverAddress);
    assertThat(status.peers()).containsExactly(serverAddress);
    assertThat(status.lastContactMs()).isZero();
    assertThat(status.term()).isPositive();
    assertThat(status.commitIndex()).isGreaterThanOrEqualTo(status.appliedIndex());
    List<Member> members = node.members();
    assertThat(members).hasSize(1);
    Member m = members.get(0);
    assertThat(m.name()).isEqualTo("dev1");
    assertThat(m.status()).isEqualTo(1);
    assertThat(m.tags())
        .containsEntry("role", "consul")
        .containsEntry("dc", "dc1")
        .containsEntry("port", serverAddress.substring(serverAddress.indexOf(':') + 1))
        .containsEntry("id", node.self().nodeId())
        .containsEntry("bootstrap", "1");
    assertThat(node.self().server()).isTrue();
    assertThat(node.self().version()).isEqualTo("0.1.0");
  }

  @Test
  void watchCompletesWhenTheKeyChanges() throws Exception {
    long seen = node.write(kvSet("dev/w", "1")).get().index();
    var watch = node.watch("kvkey:dev/w", seen);
    assertThat(watch).isNotDone();
    node.write(kvSet("dev/w", "2")).get();
    watch.get();
  }

  @Test
  void aClosedDevNodeDeletesItsTempDirAndClosesTwiceHarmlessly() throws Exception {
    RaftRegistryNode other =
        (RaftRegistryNode) RegistryNodes.start(NodeConfig.devOnFreePorts("dev2"));
    Path raftDir;
    try {
      raftDir = other.raftDir();
      assertThat(Files.isDirectory(raftDir)).isTrue();
      assertThat(other.write(kvSet("x", "y")).get().ok()).isTrue();
    } finally {
      other.close();
    }
    other.close();
    assertThat(Files.exists(raftDir.getParent())).isFalse();
    assertThatThrownBy(() -> other.read(Consistency.DEFAULT, c -> 1).get())
        .hasCauseInstanceOf(io.registry.node.api.NoLeaderException.class);
  }
}
