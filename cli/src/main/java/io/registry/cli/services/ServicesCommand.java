package io.registry.cli.services;

import io.registry.cli.Console;
import io.registry.cli.Verb;
import picocli.CommandLine.Command;

/** `registry services`: register and deregister services with the local agent. */
@Command(name = "services", description = "Registers and deregisters services with the agent.",
    subcommands = {ServicesRegister.class, ServicesDeregister.class})
public final class ServicesCommand extends Verb {

  public ServicesCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }
}
