package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.cli.agent.AgentCommand;
import io.registry.cli.agent.AgentSettings;
import io.registry.cli.agent.ShutdownPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** leave_on_terminate, skip_leave_on_interrupt (defaults by role) and -rejoin. */
class AgentShutdownSettingsTest {
  private final Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true),
      new PrintStream(new ByteArrayOutputStream(), true));
  @TempDir Path dir;

  private AgentSettings settings(String... args) {
    picocli.CommandLine cl = Main.commandLine(console);
    picocli.CommandLine.ParseResult parsed = cl.parseArgs(args);
    AgentCommand agent = (AgentCommand) parsed.subcommand().commandSpec().userObject();
    return agent.settings("myhost");
  }

  @Test
  void aClientLeavesOnBothSignalsAndAServerOnNeither() {
    AgentSettings client = settings("agent", "-data-dir=/d", "-retry-join=10.0.0.1");
    assertThat(client.node().server()).isFalse();
    assertThat(client.shutdown()).isEqualTo(new ShutdownPolicy(true, false));
    AgentSettings server = settings("agent", "-server", "-bootstrap-expect=3", "-data-dir=/d",
        "-retry-join=10.0.0.1");
    assertThat(server.shutdown()).isEqualTo(new ShutdownPolicy(false, true));
    assertThat(server.node().cluster().rejoin()).isFalse();
  }

  @Test
  void configKeysOverrideTheRoleDefaultsAndRejoinComesFromFlagOrFile() throws IOException {
    Path file = Files.writeString(dir.resolve("a.json"), """
        {"server": true, "bootstrap_expect": 3, "data_dir": "/d", "retry_join": ["10.0.0.1"],
         "leave_on_terminate": true, "skip_leave_on_interrupt": false,
         "rejoin_after_leave": true}""");
    AgentSettings s = settings("agent", "-config-file", file.toString());
    assertThat(s.shutdown()).isEqualTo(new ShutdownPolicy(true, false));
    assertThat(s.node().cluster().rejoin()).isTrue();
    assertThat(settings("agent", "-config-file", file.toString(), "-rejoin=false").node()
        .cluster().rejoin()).isFalse();
    assertThat(settings("agent", "-server", "-bootstrap-expect=3", "-data-dir=/d",
        "-retry-join=10.0.0.1", "-rejoin").node().cluster().rejoin()).isTrue();
  }
}
