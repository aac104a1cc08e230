package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** leave [-force], operator raft remove-peer and recover: requests, output, exit codes. */
class QuorumVerbsTest {
  private static final String REFUSAL = "leave refused: after removing n3, 1 of 2 voters would"
      + " be healthy; quorum needs 2. Remove the failed server first (registry force-leave n2)"
      + " or use leave -force.";
  private final FakeAgent agent = new FakeAgent();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path tmp;

  @AfterEach
  void close() {
    agent.close();
  }

  private int run(int depth, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(depth, "-http-addr=http://" + agent.address() + "/");
    Console console = new Console(new PrintStream(out, true), new PrintStream(err, true));
    return Main.run(console, all.toArray(String[]::new));
  }

  private int offline(String... args) {
    Console console = new Console(new PrintStream(out, true), new PrintStream(err, true));
    return Main.run(console, args);
  }

  @Test
  void refusedLeavePrintsTheAgentsReasonAndExitsOne() {
    agent.reply("PUT /v1/agent/leave", 500, REFUSAL);
    assertThat(run(1, "leave")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error leaving: " + REFUSAL + "\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void leaveForceSendsTheForceParameter() {
    agent.reply("PUT /v1/agent/leave", 200, "");
    assertThat(run(1, "leave", "-force")).isZero();
    assertThat(agent.last().query()).isEqualTo("force");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Graceful leave complete\n");
  }

  @Test
  void removePeerByIdOrAddressPrintsConsulsLine() {
    agent.reply("DELETE /v1/operator/raft/peer", 200, "");
    assertThat(run(3, "operator", "raft", "remove-peer", "-id=abc")).isZero();
    assertThat(agent.last().query()).isEqualTo("id=abc");
    assertThat(run(3, "operator", "raft", "remove-peer", "-address=127.0.0.1:8300")).isZero();
    assertThat(agent.last().query()).isEqualTo("address=127.0.0.1%3A8300"); // the agent decodes it
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "Removed peer with id \"abc\"\nRemoved peer with address \"127.0.0.1:8300\"\n");
  }

  @Test
  void removePeerFailuresExitOneWithTheText() {
    agent.reply("DELETE /v1/operator/raft/peer", 500,
        "id \"x\" was not found in the Raft configuration");
    assertThat(run(3, "operator", "raft", "remove-peer", "-id=x")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "Error removing peer: id \"x\" was not found in the Raft configuration\n");
    int before = agent.requests.size();
    assertThat(run(3, "operator", "raft", "remove-peer")).isEqualTo(1);
    assertThat(agent.requests).hasSize(before);
  }

  @Test
  void recoverRefusesADataDirWithoutCluster() {
    assertThat(offline("operator", "raft", "recover", "-data-dir", tmp.toString(), "-peers",
        "a=127.0.0.1:8301")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error recovering: no cluster.json"
        + " in " + tmp + ": this data dir never formed or joined a cluster\n");
    assertThat(offline("operator", "raft", "recover", "-data-dir", tmp.toString(), "-peers",
        "nonsense")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .endsWith("Error recovering: Invalid peer \"nonsense\": expected id=host:raftport\n");
  }
}
