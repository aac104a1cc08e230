package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `registry join` against a fake agent: one request per address, Consul's texts and codes. */
class JoinCommandTest {
  private final FakeAgent agent = new FakeAgent();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void close() {
    agent.close();
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "-http-addr=http://" + agent.address() + "/");
    Console console = new Console(new PrintStream(out, true), new PrintStream(err, true));
    return Main.run(console, all.toArray(String[]::new));
  }

  @Test
  void countsTheAddressesThatJoinedAndReportsTheOthers() {
    agent.reply("PUT /v1/agent/join/10.0.0.1%3A8300", 200, "");
    agent.reply("PUT /v1/agent/join/10.0.0.2", 500,
        "cluster id mismatch: this node belongs to A, 10.0.0.2:8300 to B");
    agent.reply("PUT /v1/agent/join/10.0.0.3", 200, "");
    assertThat(run("join", "10.0.0.1:8300", "10.0.0.2", "10.0.0.3")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("Successfully joined cluster by contacting 2 nodes.\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Error joining address '10.0.0.2'")
        .contains("cluster id mismatch");
    assertThat(agent.requests).hasSize(3);
  }

  @Test
  void noneJoinedExitsOne() {
    agent.reply("PUT /v1/agent/join/10.0.0.9", 500, "10.0.0.9:8300 did not answer: UNAVAILABLE");
    assertThat(run("join", "10.0.0.9")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("Failed to join any nodes.\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void wanIsPassedOnAndAnEmptyListIsRefusedLocally() {
    agent.reply("PUT /v1/agent/join/10.0.0.1", 500,
        "WAN join is not supported: this registry has no WAN pool");
    assertThat(run("join", "-wan", "10.0.0.1")).isEqualTo(1);
    assertThat(agent.last().query()).isEqualTo("wan=1");
    assertThat(run("join")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("At least one address to join must be specified.");
    assertThat(agent.requests).hasSize(1);
  }
}
