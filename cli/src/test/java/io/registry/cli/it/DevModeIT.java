package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `registry agent -dev` comes up, elects itself, and stops cleanly on SIGTERM. */
class DevModeIT {
  @TempDir Path tmp;
  private AgentProcess agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void devAgentAnswersAndStopsWithExitZero() {
    Path pidFile = tmp.resolve("agent.pid");
    agent = AgentProcess.startAgent(tmp, AgentProcess.freePort(), "-dev",
        "-server-port", Integer.toString(AgentProcess.freePort()),
        "-raft-port", Integer.toString(AgentProcess.freePort()),
        "-pid-file", pidFile.toString());
    agent.awaitLeader();

    assertThat(agent.http().get("/v1/status/leader").text()).contains("127.0.0.1:");
    assertThat(agent.log()).contains("agent: started").contains("Server: true");
    assertThat(pidFile).hasContent(Long.toString(agent.pid()));

    agent.process().destroy(); // SIGTERM: a graceful shutdown
    assertThat(agent.waitForExit()).as(agent.log()).isZero();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void leaveAnswersThenTheAgentExitsZero() {
    Path pidFile = tmp.resolve("leave.pid");
    agent = AgentProcess.startAgent(tmp, AgentProcess.freePort(), "-dev",
        "-server-port", Integer.toString(AgentProcess.freePort()),
        "-raft-port", Integer.toString(AgentProcess.freePort()),
        "-pid-file", pidFile.toString());
    agent.awaitLeader();

    CliRun leave = CliRun.run(tmp, "leave", "-http-addr=" + agent.httpAddr());

    assertThat(leave.exitCode()).as(leave.err()).isZero();
    assertThat(leave.out()).isEqualTo("Graceful leave complete\n");
    assertThat(agent.waitForExit()).as(agent.log()).isZero();
    assertThat(agent.log()).contains("==> Graceful leave complete");
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void startFailureExitsOneWithTheReason() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path pidFile = tmp.resolve("failed.pid");
      agent = AgentProcess.startAgent(tmp, taken.getLocalPort(), "-dev",
          "-server-port", Integer.toString(AgentProcess.freePort()),
          "-raft-port", Integer.toString(AgentProcess.freePort()),
          "-pid-file", pidFile.toString());
      assertThat(agent.waitForExit()).as(agent.log()).isEqualTo(1);
      assertThat(agent.log()).contains("==> Error starting agent: ");
      assertThat(pidFile).doesNotExist();
    }
  }
}
