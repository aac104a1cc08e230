package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.cli.agent.AgentCommand;
import io.registry.cli.agent.DnsSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -dns-port, -domain and -recursor, over the files' DNS keys. */
class AgentDnsFlagsTest {
  private final Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true),
      new PrintStream(new ByteArrayOutputStream(), true));

  @TempDir Path dir;

  private DnsSettings dns(String... args) {
    picocli.CommandLine.ParseResult parsed = Main.commandLine(console).parseArgs(args);
    AgentCommand agent = (AgentCommand) parsed.subcommand().commandSpec().userObject();
    return agent.settings("myhost").dns();
  }

  @Test
  void defaultsAreConsuls() {
    DnsSettings d = dns("agent", "-dev");
    assertThat(d.port()).isEqualTo(8600);
    assertThat(d.address()).isEqualTo("127.0.0.1");
    assertThat(d.options().domain()).isEqualTo("consul.");
    assertThat(d.options().udpAnswerLimit()).isEqualTo(3);
    assertThat(d.options().recursors()).isEmpty();
    assertThat(d.options().recursorTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void flagsOverFiles() throws IOException {
    Files.writeString(dir.resolve("a.json"), """
        {"ports": {"dns": 8653}, "domain": "file.example", "recursors": ["10.0.0.1"],
         "dns_config": {"only_passing": true, "node_ttl": "7s"}}""");
    DnsSettings files = dns("agent", "-dev", "-config-dir", dir.toString());
    assertThat(files.port()).isEqualTo(8653);
    assertThat(files.options().domain()).isEqualTo("file.example.");
    assertThat(files.options().recursors()).containsExactly(new InetSocketAddress("10.0.0.1", 53));
    assertThat(files.options().onlyPassing()).isTrue();
    assertThat(files.options().nodeTtl()).isEqualTo(Duration.ofSeconds(7));
    DnsSettings flags = dns("agent", "-dev", "-config-dir", dir.toString(), "-dns-port=-1",
        "-domain", "Flag.Example", "-recursor", "127.0.0.1:5353", "-recursor=[::1]:53");
    assertThat(flags.enabled()).isFalse();
    assertThat(flags.options().domain()).isEqualTo("flag.example.");
    assertThat(flags.options().recursors()).containsExactly(
        new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("::1", 53));
  }

  @Test
  void badValuesStopTheAgentWithAReason() {
    assertThatThrownBy(() -> dns("agent", "-dev", "-dns-port=70000"))
        .isInstanceOf(CliException.class).hasMessageContaining("-dns-port");
    assertThatThrownBy(() -> dns("agent", "-dev", "-recursor=10.0.0.1:notaport"))
        .isInstanceOf(CliException.class).hasMessageContaining("recursor");
    assertThatThrownBy(() -> dns("agent", "-dev", "-domain=bad..domain"))
        .isInstanceOf(CliException.class).hasMessageContaining("domain");
  }
}
