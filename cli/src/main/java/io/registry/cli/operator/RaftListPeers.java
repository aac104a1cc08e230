package io.registry.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Table;
import io.registry.cli.Verb;
import io.registry.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `registry operator raft list-peers [-stale]` (§15.2; -stale from ClientOptions), from /v1/operator/raft/configuration.
 * Only the columns that answer carries: no per-peer commit index, so no "Trails Leader By".
 */
@Command(name = "list-peers", description = "Lists the Raft peers.")
public final class RaftListPeers extends Verb {
  @Mixin ClientOptions client;

  public RaftListPeers(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    JsonNode body = Json.parse(client.client()
        .get("/v1/operator/raft/configuration" + client.query())
        .orFail("getting peers").body());
    Table table = Table.columns("Node", "ID", "Address", "State", "Voter", "RaftProtocol");
    for (JsonNode s : body.path("Servers")) {
      table.row(Json.text(s, "Node"), Json.text(s, "ID"), Json.text(s, "Address"),
          s.path("Leader").asBoolean() ? "leader" : "follower",
          Boolean.toString(s.path("Voter").asBoolean()), Json.text(s, "ProtocolVersion"));
    }
    console.out().print(table.render());
    return 0;
  }
}
