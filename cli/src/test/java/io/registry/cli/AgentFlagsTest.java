package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.cli.agent.AgentCommand;
import io.registry.cli.agent.AgentSettings;
import io.registry.node.config.NodeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `registry agent` flags: spellings, defaults and validation, without starting anything. */
class AgentFlagsTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console =
      new Console(new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));

  private AgentSettings settings(String... args) {
    picocli.CommandLine cl = Main.commandLine(console);
    picocli.CommandLine.ParseResult parsed = cl.parseArgs(args);
    AgentCommand agent = (AgentCommand) parsed.subcommand().commandSpec().userObject();
    return agent.settings("myhost");
  }

  @Test
  void devIsALoopbackSingleServerWithDebugLogsAndPrettyJson() {
    AgentSettings s = settings("agent", "-dev");
    NodeConfig c = s.node();
    assertThat(c.dev()).isTrue();
    assertThat(c.server()).isTrue();
    assertThat(c.bootstrapExpect()).isEqualTo(1);
    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(c.dataDir()).isNull();
    assertThat(c.logLevel()).isEqualTo("debug");
    assertThat(c.nodeName()).isEqualTo("myhost");
    assertThat(c.datacenter()).isEqualTo("dc1");
    assertThat(c.httpPort()).isEqualTo(8500);
    assertThat(c.serverPort()).isEqualTo(8300);
    assertThat(c.raftPort()).isEqualTo(8301);
    assertThat(s.pretty()).isTrue();
  }

  @Test
  void webUiIsOnWithDevOrMinusUiAndOffOtherwise() {
    assertThat(settings("agent", "-dev").ui()).isTrue();
    assertThat(settings("agent", "-dev", "-ui=false").ui()).isFalse();
    assertThat(settings("agent", "-server", "-bootstrap-expect=1", "-data-dir=/tmp/d").ui())
        .isFalse();
    assertThat(settings("agent", "-server", "-bootstrap-expect=1", "-data-dir=/tmp/d", "-ui")
        .ui()).isTrue();
  }

  @Test
  void consulSingleDashSpellingsWithEqualsOrSpace() {
    AgentSettings s = settings("agent", "-server", "-bootstrap-expect=1", "-data-dir", "/tmp/d",
        "-node=n1", "-http-port=18500", "-server-port", "18300", "-raft-port=18301",
        "-datacenter=East", "-log-level=WARN", "-node-meta", "rack:r1", "-node-meta=zone:a:b",
        "-node-id=8F0C3B7E-1F6A-4C43-9F52-8B7E3A0C9D11", "-pid-file=/tmp/d/pid");
    NodeConfig c = s.node();
    assertThat(c.server()).isTrue();
    assertThat(c.dev()).isFalse();
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/d"));
    assertThat(c.nodeName()).isEqualTo("n1");
    assertThat(c.httpPort()).isEqualTo(18500);
    assertThat(c.serverPort()).isEqualTo(18300);
    assertThat(c.raftPort()).isEqualTo(18301);
    assertThat(c.datacenter()).isEqualTo("east");
    assertThat(c.logLevel()).isEqualTo("warn");
    assertThat(c.nodeMeta()).isEqualTo(Map.of("rack", "r1", "zone", "a:b"));
    assertThat(c.nodeId()).isEqualTo("8f0c3b7e-1f6a-4c43-9f52-8b7e3a0c9d11");
    assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(c.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(s.pretty()).isFalse();
    assertThat(s.pidFile()).isEqualTo(Path.of("/tmp/d/pid"));
  }

  @Test
  void doubleDashSpellingsWorkToo() {
    NodeConfig c = settings("agent", "--server", "--bootstrap-expect", "1", "--data-dir=/x",
        "--bind=10.0.0.1", "--client", "0.0.0.0").node();
    assertThat(c.bindAddress()).isEqualTo("10.0.0.1");
    assertThat(c.clientAddress()).isEqualTo("0.0.0.0");
  }

  @Test
  void explicitFlagsOverrideDevDefaults() {
    NodeConfig c = settings("agent", "-dev", "-log-level", "info", "-client=0.0.0.0",
        "-data-dir", "/tmp/dev").node();
    assertThat(c.logLevel()).isEqualTo("info");
    assertThat(c.clientAddress()).isEqualTo("0.0.0.0");
    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/dev"));
  }

  @Test
  void bootstrapFlagMeansExpectOne() {
    assertThat(settings("agent", "-server", "-bootstrap", "-data-dir=/d").node()
        .bootstrapExpect()).isEqualTo(1);
  }

  @Test
  void clusterFlagsReachTheNodeConfig() {
    NodeConfig c = settings("agent", "-server", "-bootstrap-expect=3", "-data-dir=/d",
        "-retry-join=10.0.0.2", "-join", "10.0.0.3:9300", "-retry-interval=5s", "-retry-max=4")
        .node();
    assertThat(c.bootstrapExpect()).isEqualTo(3);
    assertThat(c.cluster().retryJoin()).containsExactly("10.0.0.2:8300", "10.0.0.3:9300");
    assertThat(c.cluster().retryInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(c.cluster().retryMax()).isEqualTo(4);
  }

  @Test
  void withoutMinusServerTheAgentIsAClient() {
    NodeConfig c = settings("agent", "-data-dir=/d", "-retry-join=10.0.0.2").node();
    assertThat(c.server()).isFalse();
    assertThat(c.dev()).isFalse();
    assertThat(c.bootstrapExpect()).isZero();
  }

  @Test
  void validationErrors() {
    assertThatThrownBy(() -> settings("agent", "-server", "-bootstrap-expect=1"))
        .hasMessageContaining("-data-dir is required");
    assertThatThrownBy(() -> settings("agent", "-bootstrap-expect=1", "-data-dir=/d"))
        .hasMessageContaining("requires 'server = true'");
    assertThatThrownBy(() -> settings("agent", "-server", "-data-dir=/d"))
        .hasMessageContaining("-retry-join");
    assertThatThrownBy(() -> settings("agent", "-server", "-bootstrap-expect=3", "-data-dir=/d",
        "-retry-interval=soon")).hasMessageContaining("-retry-interval");
    assertThatThrownBy(() -> settings("agent", "-data-dir=/d"))
        .hasMessageContaining("A client agent needs -retry-join");
    assertThatThrownBy(() -> settings("agent", "-dev", "-retry-join=10.0.0.2"))
        .hasMessageContaining("joining a cluster");
    assertThatThrownBy(() -> settings("agent", "-server", "-bootstrap", "-bootstrap-expect=1",
        "-data-dir=/d")).hasMessageContaining("mutually exclusive");
    assertThatThrownBy(() -> settings("agent", "-dev", "-log-level=loud"))
        .hasMessageContaining("Invalid log level");
    assertThatThrownBy(() -> settings("agent", "-dev", "-node-id=nope"))
        .hasMessageContaining("UUID");
    assertThatThrownBy(() -> settings("agent", "-dev", "-node-meta=:v"))
        .hasMessageContaining("key:value");
    assertThatThrownBy(() -> settings("agent", "-dev", "-http-port=70000"))
        .hasMessageContaining("-http-port");
    assertThatThrownBy(() -> settings("agent", "-dev", "-datacenter=d c"))
        .hasMessageContaining("-datacenter");
  }

  @Test
  void validationErrorsAreExitOneWithTheMessageOnStderr() {
    int code = Main.run(console, "agent", "-data-dir=/d");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("A client agent needs -retry-join");
  }

  @Test
  void usageErrorsAreExitOne() {
    assertThat(Main.run(console, "agent", "-no-such-flag")).isEqualTo(1);
    assertThat(err.toString()).contains("Unknown option: '-no-such-flag'")
        .contains("registry agent -help");
    assertThat(Main.run(console, "no-such-verb")).isEqualTo(1);
    assertThat(Main.run(console)).isEqualTo(1);
    assertThat(Main.run(console, "kv")).isEqualTo(1);
  }

  @Test
  void helpIsExitZero() {
    assertThat(Main.run(console, "-help")).isZero();
    assertThat(Main.run(console, "agent", "-help")).isZero();
  }
}
