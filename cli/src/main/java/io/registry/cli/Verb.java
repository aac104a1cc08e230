package io.registry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Base of every command class: the console it prints to and Consul's `-help` spelling.
 * call() returns the exit code; failures are thrown as {@link CliException}.
 */
public abstract class Verb implements Callable<Integer> {
  protected final Console console;

  @Mixin
  HelpOption help;

  @Spec
  protected CommandSpec spec;

  protected Verb(Console console) {
    this.console = console;
  }

  /** For a command that needs a subcommand: prints its usage and fails (exit 1). */
  protected int usageError() {
    console.err().print(spec.commandLine().getUsageMessage());
    return 1;
  }
}
