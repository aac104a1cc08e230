package io.registry.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.cli.Console;
import io.registry.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * `registry bench` flags: spellings, defaults and refusals, decided before any request or
 * process is started. The benchmarks themselves are measurements, not tests.
 */
class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console =
      new Console(new PrintStream(out, true), new PrintStream(err, true));

  private Object parse(String... args) {
    CommandLine.ParseResult parsed = Main.commandLine(console).parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec().userObject();
  }

  @Test
  void writeTakesAddressListsInEitherSpellingAndHasDefaults() {
    WriteBench w = (WriteBench) parse("bench", "write", "-http-addr", "127.0.0.1:1,127.0.0.1:2",
        "--http-addr=127.0.0.1:3", "-clients=4", "-duration", "3s");
    assertThat(w.addresses()).containsExactly("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3");
    assertThat(w.clients).isEqualTo(4);
    assertThat(w.duration).isEqualTo("3s");

    WriteBench defaults = (WriteBench) parse("bench", "write");
    assertThat(defaults.addresses()).containsExactly("127.0.0.1:8500");
    assertThat(defaults.clients).isEqualTo(16);
    assertThat(defaults.valueSize).isEqualTo(64);
  }

  @Test
  void fanoutAndFailoverDefaults() {
    FanoutBench f = (FanoutBench) parse("bench", "fanout", "-watchers", "7");
    assertThat(f.watchers).isEqualTo(7);
    assertThat(f.rounds).isEqualTo(10);
    assertThat(f.addresses()).containsExactly("127.0.0.1:8500");

    FailoverBench o = (FailoverBench) parse("bench", "failover", "-rounds=2");
    assertThat(o.rounds).isEqualTo(2);
    assertThat(o.interval).isEqualTo("20ms");
    assertThat(o.baseDir).isNull();
    assertThat(o.portBase).isNull();
  }

  @Test
  void badValuesAreRefusedWithExitOneBeforeAnythingRuns() {
    assertThat(Main.run(console, "bench", "write", "-clients", "0")).isEqualTo(1);
    assertThat(Main.run(console, "bench", "fanout", "-settle", "soon")).isEqualTo(1);
    assertThat(Main.run(console, "bench", "failover", "-interval", "0s")).isEqualTo(1);
    assertThat(Main.run(console, "bench", "write", "-no-such-flag")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("-clients must be at least 1")
        .contains("-settle: invalid duration soon")
        .contains("-interval must be positive")
        .contains("Unknown option");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void benchAloneShowsItsSubcommands() {
    assertThat(Main.run(console, "bench")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("write", "fanout", "failover");
  }

  @Test
  void percentilesAreNearestRank() {
    Samples s = new Samples();
    for (long v = 100; v >= 1; v--) {
      s.add(v);
    }
    assertThat(s.median()).isEqualTo(50);
    assertThat(s.percentile(99)).isEqualTo(99);
    assertThat(s.percentile(100)).isEqualTo(100);
    assertThat(s.min()).isEqualTo(1);
    assertThat(new Samples().median()).isZero();
  }
}
