package io.registry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `registry leave`: asks the agent to leave the cluster gracefully and shut down. */
@Command(name = "leave", description = "Gracefully leaves the cluster and shuts the agent down.")
public final class LeaveCommand extends Verb {
  @Mixin ClientOptions client;

  public LeaveCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    client.client().put("/v1/agent/leave", new byte[0]).orFail("leaving through agent");
    console.out().println("Graceful leave complete");
    return 0;
  }
}
