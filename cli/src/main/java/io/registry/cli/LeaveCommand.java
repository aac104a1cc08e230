package io.registry.cli;

import io.registry.cli.http.ConsulHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `registry leave [-force]`: asks the agent to leave the cluster gracefully and shut down.
 * A refused leave (the rest would lose quorum, or no leader) prints the agent's reason and
 * exits 1; the agent keeps running. -force is our extension (PUT /v1/agent/leave?force): a
 * server whose removal is refused shuts down anyway, left in the Raft configuration.
 */
@Command(name = "leave", description = "Gracefully leaves the cluster and shuts the agent down.")
public final class LeaveCommand extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-force", "--force"}, arity = "0..1", fallbackValue = "true",
      description = "Shut down even when the removal is refused (stays in the Raft peers).")
  boolean force;

  public LeaveCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    ConsulHttp.Answer a = client.client().put("/v1/agent/leave" + (force ? "?force" : ""),
        new byte[0]);
    if (!a.ok()) {
      throw new CliException("Error leaving: " + a.text().strip());
    }
    console.out().println("Graceful leave complete");
    return 0;
  }
}
