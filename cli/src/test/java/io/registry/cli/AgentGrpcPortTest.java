package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.cli.agent.AgentCommand;
import io.registry.cli.agent.AgentSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -grpc-port and ports.grpc: default 8502, -1 disables, a flag wins over the files. */
class AgentGrpcPortTest {
  private final Console console = new Console(
      new PrintStream(new ByteArrayOutputStream(), true),
      new PrintStream(new ByteArrayOutputStream(), true));

  @TempDir
  Path dir;

  private AgentSettings settings(String... args) {
    picocli.CommandLine.ParseResult parsed = Main.commandLine(console).parseArgs(args);
    return ((AgentCommand) parsed.subcommand().commandSpec().userObject()).settings("myhost");
  }

  @Test
  void defaultsToConsulsGrpcPort() {
    assertThat(settings("agent", "-dev").grpcPort()).isEqualTo(8502);
  }

  @Test
  void flagSetsOrDisablesIt() {
    assertThat(settings("agent", "-dev", "-grpc-port=0").grpcPort()).isZero();
    assertThat(settings("agent", "-dev", "-grpc-port=-1").grpcPort()).isEqualTo(-1);
    assertThatThrownBy(() -> settings("agent", "-dev", "-grpc-port=70000"))
        .hasMessageContaining("-grpc-port");
  }

  @Test
  void configFileSetsItAndTheFlagWins() throws IOException {
    Files.writeString(dir.resolve("a.json"), "{\"ports\": {\"grpc\": 18502}}");
    assertThat(settings("agent", "-dev", "-config-dir", dir.toString()).grpcPort())
        .isEqualTo(18502);
    assertThat(settings("agent", "-dev", "-config-dir", dir.toString(), "-grpc-port=-1")
        .grpcPort()).isEqualTo(-1);
  }
}
