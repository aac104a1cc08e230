package io.registry.cli.operator;

import io.registry.cli.ClientOptions;
import io.registry.cli.CliException;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `registry operator raft remove-peer -id=ID | -address=IP:PORT` (§15.2), through
 * DELETE /v1/operator/raft/peer; prints Consul's "Removed peer with id/address ..." line.
 */
@Command(name = "remove-peer", description = "Removes a peer from the Raft configuration.")
public final class RaftRemovePeer extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-id", "--id"}, description = "The Raft ID of the peer to remove.")
  String id;

  @Option(names = {"-address", "--address"}, description = "IP:port of the peer to remove.")
  String address;

  public RaftRemovePeer(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    boolean byId = id != null && !id.isEmpty();
    boolean byAddress = address != null && !address.isEmpty();
    if (byId == byAddress) {
      throw new CliException("Error removing peer: Must specify exactly one of -id or -address");
    }
    String query = byId ? "?id=" + ConsulHttp.escapeQuery(id)
        : "?address=" + ConsulHttp.escapeQuery(address);
    ConsulHttp.Answer a = client.client().delete("/v1/operator/raft/peer" + query);
    if (!a.ok()) {
      throw new CliException("Error removing peer: " + a.text().strip());
    }
    console.out().println(byId ? "Removed peer with id \"" + id + "\""
        : "Removed peer with address \"" + address + "\"");
    return 0;
  }
}
