package io.registry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `registry reload`: the agent re-reads its config files (PUT /v1/agent/reload). */
@Command(name = "reload", description = "Makes the agent re-read its configuration files.")
public final class ReloadCommand extends Verb {
  @Mixin ClientOptions client;

  public ReloadCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    client.client().put("/v1/agent/reload", new byte[0]).orFail("reloading");
    console.out().println("Configuration reload triggered");
    return 0;
  }
}
