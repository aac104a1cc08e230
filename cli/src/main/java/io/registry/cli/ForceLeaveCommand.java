package io.registry.cli;

import io.registry.cli.http.ConsulHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `registry force-leave [-prune] NODE`: a failed member becomes left (§15.2; silent). */
@Command(name = "force-leave",
    description = "Forces a failed member into the left state (and out of the Raft peers).")
public final class ForceLeaveCommand extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-prune", "--prune"}, arity = "0..1", fallbackValue = "true",
      description = "Also remove the member from the member list.")
  boolean prune;

  @Parameters(index = "0", paramLabel = "NODE")
  String node;

  public ForceLeaveCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    String path = "/v1/agent/force-leave/" + ConsulHttp.escapePath(node) + (prune ? "?prune" : "");
    client.client().put(path, new byte[0]).orFail("force leaving");
    return 0;
  }
}
