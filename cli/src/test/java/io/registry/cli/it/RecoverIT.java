package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.cli.http.ConsulHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quorum lost for good (membership.md failure matrix row 15), with real processes: a
 * 3-server cluster from the script is stopped, two servers never come back, and `registry
 * operator raft recover` turns the third into a one-server cluster that keeps every write.
 * The command refuses a data dir whose server is running.
 */
@Timeout(400)
class RecoverIT {
  @TempDir Path work;
  private Path base;
  private final List<Long> pids = new ArrayList<>();
  private AgentProcess survivor;

  @AfterEach
  void stopEverything() {
    if (survivor != null) {
      survivor.close();
    }
    if (base != null) {
      ClusterScripts.run(work, 120, "stop-cluster.sh", "--base-dir", base.toString());
    }
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void theLastServerRecoveredAloneLeadsWithEveryWrite() {
    base = work.resolve("cluster");
    int portBase = ClusterScripts.freePortBase();
    CliRun start = ClusterScripts.run(work, 240, "start-cluster.sh", "--servers", "3",
        "--base-dir", base.toString(), "--port-base", Integer.toString(portBase));
    pids.addAll(ClusterScripts.pids(base));
    assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
    String node1 = "127.0.0.1:" + portBase;
    ConsulHttp http = new ConsulHttp(node1, null);
    for (int i = 0; i < 20; i++) {
      assertThat(http.put("/v1/kv/kept/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8))
          .text()).isEqualTo("true");
    }
    CliRun peers = CliRun.run(work, "operator", "raft", "list-peers", "-http-addr", node1);
    assertThat(peers.exitCode()).as(peers.err()).isZero();
    String peerId = peers.out().lines().filter(l -> l.startsWith("node1 ")).findFirst()
        .orElseThrow().split("\\s+")[1];
    Path data = base.resolve("node1").resolve("data");
    int raftPort = portBase + 2;

    // While node1 runs, its data dir is refused.
    CliRun busy = CliRun.run(work, "operator", "raft", "recover", "-data-dir", data.toString(),
        "-peers", peerId + "=127.0.0.1:" + raftPort);
    assertThat(busy.exitCode()).isEqualTo(1);
    assertThat(busy.out() + busy.err()).contains("running");

    CliRun stop = ClusterScripts.run(work, 120, "stop-cluster.sh", "--base-dir", base.toString());
    assertThat(stop.exitCode()).as(stop.err()).isZero();

    // node2 and node3 are gone for good; node1 alone becomes the whole cluster.
    CliRun recover = CliRun.run(work, "operator", "raft", "recover", "-data-dir",
        data.toString(), "-peers", peerId + "=127.0.0.1:" + raftPort);
    assertThat(recover.exitCode()).as(recover.out() + recover.err()).isZero();

    survivor = AgentProcess.startAgent(work.resolve("logs"), portBase, "-server",
        "-bootstrap-expect=3", "-node", "node1", "-data-dir", data.toString(),
        "-bind", "127.0.0.1", "-client", "127.0.0.1",
        "-server-port", Integer.toString(portBase + 1), "-raft-port", Integer.toString(raftPort));
    survivor.awaitLeader();
    ConsulHttp alone = survivor.http();
    for (int i = 0; i < 20; i++) {
      assertThat(alone.get("/v1/kv/kept/" + i + "?raw").text()).isEqualTo("v" + i);
    }
    assertThat(alone.put("/v1/kv/after-recover", "x".getBytes(StandardCharsets.UTF_8)).text())
        .isEqualTo("true");
    CliRun after = CliRun.run(work, "operator", "raft", "list-peers", "-http-addr", node1);
    assertThat(after.out().lines().skip(1)).hasSize(1).allMatch(l -> l.startsWith("node1 "));
  }
}
