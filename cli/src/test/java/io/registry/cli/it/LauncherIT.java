package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `./registry` launcher at the repository root starts an agent from any directory.
 * REGISTRY_SKIP_BUILD=1 keeps it from rebuilding inside this build: the jar it runs is the
 * one this build just packaged.
 */
class LauncherIT {
  @TempDir Path tmp;
  private AgentProcess agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void launcherStartsADevAgent() {
    Path launcher = AgentProcess.jar().getParent().getParent().getParent().resolve("registry");
    assertThat(launcher).exists();
    assertThat(Files.isExecutable(launcher)).isTrue();
    int http = AgentProcess.freePort();
    List<String> command = List.of("env", "REGISTRY_SKIP_BUILD=1",
        "JAVA_HOME=" + System.getProperty("java.home"),
        "bash", launcher.toString(), "agent", "-dev",
        "-http-port=" + http,
        "-dns-port=0",
        "-grpc-port=0",
        "-server-port=" + AgentProcess.freePort(),
        "-raft-port=" + AgentProcess.freePort());
    agent = AgentProcess.start(command, tmp, http).awaitLeader();
    assertThat(agent.log()).contains("agent: started");
  }
}
