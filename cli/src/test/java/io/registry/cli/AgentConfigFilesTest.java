package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.cli.agent.AgentCommand;
import io.registry.cli.agent.AgentSettings;
import io.registry.node.config.NodeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `registry agent -config-file/-config-dir`: files under flags; `registry validate`. */
class AgentConfigFilesTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console =
      new Console(new PrintStream(out, true), new PrintStream(err, true));

  @TempDir Path dir;

  private AgentSettings settings(String... args) {
    picocli.CommandLine cl = Main.commandLine(console);
    picocli.CommandLine.ParseResult parsed = cl.parseArgs(args);
    AgentCommand agent = (AgentCommand) parsed.subcommand().commandSpec().userObject();
    return agent.settings("myhost");
  }

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  @Test
  void filesFillWhatNoFlagSaysAndFlagsWin() throws IOException {
    write("a.json", """
        {"node_name": "from-file", "datacenter": "east", "log_level": "warn",
         "ports": {"http": 18500, "server": 18300, "raft": 18301},
         "node_meta": {"rack": "r1", "zone": "a"}, "enable_local_script_checks": true,
         "check_output_max_size": 100, "service": {"name": "web"}}""");
    AgentSettings s = settings("agent", "-dev", "-config-dir", dir.toString(),
        "-node", "from-flag", "-http-port=19500", "-node-meta", "zone:b");
    NodeConfig c = s.node();
    assertThat(c.nodeName()).isEqualTo("from-flag");
    assertThat(c.httpPort()).isEqualTo(19500);
    assertThat(c.serverPort()).isEqualTo(18300);
    assertThat(c.raftPort()).isEqualTo(18301);
    assertThat(c.datacenter()).isEqualTo("east");
    assertThat(c.logLevel()).isEqualTo("warn");
    assertThat(c.nodeMeta()).containsEntry("rack", "r1").containsEntry("zone", "b");
    assertThat(c.agent().enableLocalScriptChecks()).isTrue();
    assertThat(c.agent().enableScriptChecks()).isFalse();
    assertThat(c.agent().checkOutputMaxSize()).isEqualTo(100);
    assertThat(s.files().definitions().services()).hasSize(1);
  }

  @Test
  void scriptFlagsOverrideFiles() throws IOException {
    write("a.json", "{\"enable_script_checks\": true}");
    NodeConfig c = settings("agent", "-dev", "-config-file", dir.resolve("a.json").toString(),
        "-enable-script-checks=false", "-enable-local-script-checks").node();
    assertThat(c.agent().enableScriptChecks()).isFalse();
    assertThat(c.agent().enableLocalScriptChecks()).isTrue();
  }

  @Test
  void filesCanMakeAServer() throws IOException {
    write("a.json", "{\"server\": true, \"bootstrap_expect\": 1, \"data_dir\": \""
        + dir.resolve("data") + "\"}");
    NodeConfig c = settings("agent", "-config-dir", dir.toString()).node();
    assertThat(c.server()).isTrue();
    assertThat(c.bootstrapExpect()).isEqualTo(1);
    assertThat(c.dataDir()).isEqualTo(dir.resolve("data"));
  }

  @Test
  void joinSettingsComeFromFilesUnlessFlagsSayOtherwise() throws IOException {
    write("a.json", "{\"data_dir\": \"" + dir.resolve("data") + "\", \"retry_join\":"
        + " [\"10.0.0.7\"], \"retry_interval\": \"7s\", \"retry_max\": 3,"
        + " \"rejoin_after_leave\": true}");
    NodeConfig fromFile = settings("agent", "-config-dir", dir.toString()).node();
    assertThat(fromFile.cluster().retryJoin()).containsExactly("10.0.0.7:8300");
    assertThat(fromFile.cluster().retryInterval()).isEqualTo(java.time.Duration.ofSeconds(7));
    assertThat(fromFile.cluster().retryMax()).isEqualTo(3);
    assertThat(fromFile.cluster().rejoin()).isTrue();

    NodeConfig flags = settings("agent", "-config-dir", dir.toString(), "-retry-interval=2s",
        "-retry-max=9").node();
    assertThat(flags.cluster().retryInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(flags.cluster().retryMax()).isEqualTo(9);
  }

  @Test
  void aBadFileStopsTheAgentWithFileKeyAndReason() throws IOException {
    write("a.json", "{\"service\": {\"name\": \"web\", \"colour\": \"red\"}}");
    assertThatThrownBy(() -> settings("agent", "-dev", "-config-dir", dir.toString()))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("a.json").hasMessageContaining("invalid config key service.colour");
  }

  @Test
  void validateSaysValidOrNamesTheProblem() throws IOException {
    write("web.json", "{\"service\": {\"name\": \"web\", \"check\": {\"id\": \"api\", //any name\n"
        + "\"http\": \"http://localhost:9000\", \"interval\": \"10s\"}}}");
    assertThat(Main.run(console, "validate", dir.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Configuration is valid!");

    write("x.json", "{\"log_level\": \"loud\"}");
    assertThat(Main.run(console, "validate", dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Config validation failed").contains("Invalid log level: loud");

    assertThat(Main.run(console, "validate", dir.resolve("web.json").toString(),
        dir.resolve("missing.json").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.json");
  }
}
