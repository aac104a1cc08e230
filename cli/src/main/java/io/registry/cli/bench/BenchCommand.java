package io.registry.cli.bench;

import io.registry.catalog.model.GoDuration;
import io.registry.cli.CliException;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import java.time.Duration;
import picocli.CommandLine.Command;

/**
 * `registry bench`: measurements against real agents, never part of the test suite (no
 * numbers are asserted anywhere; docs/benchmarks.md records what they printed).
 */
@Command(name = "bench", description = "Measures write throughput, blocking-query wake-up and"
    + " leader failover.",
    subcommands = {WriteBench.class, FanoutBench.class, FailoverBench.class})
public final class BenchCommand extends Verb {

  public BenchCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }

  /** A Go duration flag (`10s`, `500ms`) that must be positive. */
  static Duration positive(String flag, String text) {
    Duration d;
    try {
      d = GoDuration.parse(text);
    } catch (RuntimeException e) {
      throw new CliException("Error: " + flag + ": invalid duration " + text);
    }
    if (d.isNegative() || d.isZero()) {
      throw new CliException("Error: " + flag + " must be positive");
    }
    return d;
  }

  /** A count flag that must be at least 1. */
  static int atLeastOne(String flag, int value) {
    if (value < 1) {
      throw new CliException("Error: " + flag + " must be at least 1");
    }
    return value;
  }
}
