package io.registry.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Table;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `registry catalog nodes`: columns Node ID Address DC. */
@Command(name = "nodes", description = "Lists the nodes in the catalog.")
public final class CatalogNodes extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-service", "--service"}, paramLabel = "<service>",
      description = "Only nodes running this service.")
  String service;

  @Option(names = {"-detailed", "--detailed"}, arity = "0..1", fallbackValue = "true",
      description = "Full node IDs, tagged addresses and meta.")
  boolean detailed;

  public CatalogNodes(Console console) {
    super(console);
  }

  /** One catalog node as the table shows it. */
  public record NodeRow(String node, String id, String address, String dc,
      Map<String, String> taggedAddresses, Map<String, String> meta) {}

  @Override
  public Integer call() {
    List<NodeRow> rows = service == null ? nodes() : nodesOf(service);
    if (rows.isEmpty()) {
      console.err().println("No nodes match the given query - try expanding your search.");
      return 0;
    }
    console.out().print(render(rows, detailed));
    return 0;
  }

  private List<NodeRow> nodes() {
    JsonNode body = Json.parse(client.client().get("/v1/catalog/nodes" + client.query())
        .orFail("listing nodes").body());
    List<NodeRow> rows = new ArrayList<>();
    body.forEach(n -> rows.add(new NodeRow(Json.text(n, "Node"), Json.text(n, "ID"),
        Json.text(n, "Address"), Json.text(n, "Datacenter"),
        map(n.path("TaggedAddresses")), map(n.path("Meta")))));
    return rows;
  }

  /** The nodes running a service, once each, from its CatalogService entries. */
  private List<NodeRow> nodesOf(String name) {
    JsonNode body = Json.parse(client.client()
        .get("/v1/catalog/service/" + ConsulHttp.escapeQuery(name) + client.query())
        .orFail("listing nodes").body());
    Map<String, NodeRow> byNode = new LinkedHashMap<>();
    body.forEach(s -> byNode.putIfAbsent(Json.text(s, "Node"), new NodeRow(
        Json.text(s, "Node"), Json.text(s, "ID"), Json.text(s, "Address"),
        Json.text(s, "Datacenter"), map(s.path("TaggedAddresses")), map(s.path("NodeMeta")))));
    return new ArrayList<>(byNode.values());
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** Sorted by node name; ID shortened to its first 8 characters unless detailed. */
  public static String render(List<NodeRow> rows, boolean detailed) {
    Table table = detailed
        ? Table.columns("Node", "ID", "Address", "DC", "TaggedAddresses", "Meta")
        : Table.columns("Node", "ID", "Address", "DC");
    rows.stream().sorted(java.util.Comparator.comparing(NodeRow::node)).forEach(r -> {
      if (detailed) {
        table.row(r.node(), r.id(), r.address(), r.dc(), pairs(r.taggedAddresses()),
            pairs(r.meta()));
      } else {
        table.row(r.node(), r.id().length() > 8 ? r.id().substring(0, 8) : r.id(), r.address(),
            r.dc());
      }
    });
    return table.render();
  }

  private static String pairs(Map<String, String> map) {
    List<String> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(k + "=" + v));
    return String.join(", ", out);
  }
}
