package io.registry.cli.operator;

import io.registry.cli.Console;
import io.registry.cli.Verb;
import picocli.CommandLine.Command;

/** `registry operator`: cluster operator tools (§15.2). */
@Command(name = "operator", description = "Cluster operator tools.",
    subcommands = {OperatorRaft.class})
public final class OperatorCommand extends Verb {

  public OperatorCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }
}
