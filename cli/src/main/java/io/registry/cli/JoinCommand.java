package io.registry.cli;

import io.registry.cli.http.ConsulHttp;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `registry join [-wan] ADDR...` (§15.2): the agent contacts each address (a server port,
 * host[:port], 8300 by default); exit 1 only when none of them counted, as Consul's.
 */
@Command(name = "join", description = "Tells the agent to join the cluster through the given addresses.")
public final class JoinCommand extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-wan", "--wan"}, arity = "0..1", fallbackValue = "true",
      description = "Join the WAN pool (not supported: the agent answers with an error).")
  boolean wan;

  @Parameters(paramLabel = "ADDR", arity = "0..*")
  List<String> addresses = new ArrayList<>();

  public JoinCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    if (addresses.isEmpty()) {
      console.err().println("At least one address to join must be specified.");
      return 1;
    }
    ConsulHttp http = client.client();
    int joined = 0;
    for (String address : addresses) {
      String path = "/v1/agent/join/" + ConsulHttp.escapePath(address) + (wan ? "?wan=1" : "");
      try {
        http.put(path, new byte[0]).orFail("joining address '" + address + "'");
        joined++;
      } catch (CliException e) {
        console.err().println(e.getMessage());
      }
    }
    if (joined == 0) {
      console.err().println("Failed to join any nodes.");
      return 1;
    }
    console.out().println("Successfully joined cluster by contacting " + joined + " nodes.");
    return 0;
  }
}
