package io.registry.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Table;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `registry catalog services`: service names, sorted, optionally with their tags. */
@Command(name = "services", description = "Lists the services in the catalog.")
public final class CatalogServices extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-tags", "--tags"}, arity = "0..1", fallbackValue = "true",
      description = "Show each service's tags.")
  boolean tags;

  @Option(names = {"-node", "--node"}, paramLabel = "<node>",
      description = "Only the services of this node.")
  String node;

  public CatalogServices(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    Map<String, TreeSet<String>> services = node == null ? all() : ofNode(node);
    if (services.isEmpty()) {
      console.err().println("No services match the given query - try expanding your search.");
      return 0;
    }
    console.out().print(render(services, tags));
    return 0;
  }

  private Map<String, TreeSet<String>> all() {
    JsonNode body = Json.parse(client.client().get("/v1/catalog/services" + client.query())
        .orFail("querying Consul agent").body());
    Map<String, TreeSet<String>> services = new TreeMap<>();
    body.fields().forEachRemaining(e -> {
      TreeSet<String> t = new TreeSet<>();
      e.getValue().forEach(tag -> t.add(tag.asText()));
      services.put(e.getKey(), t);
    });
    return services;
  }

  private Map<String, TreeSet<String>> ofNode(String name) {
    JsonNode body = Json.parse(client.client()
        .get("/v1/catalog/node/" + ConsulHttp.escapeQuery(name) + client.query())
        .orFail("querying Consul agent").body());
    Map<String, TreeSet<String>> services = new TreeMap<>();
    if (body != null && !body.isNull()) {
      body.path("Services").forEach(s -> {
        TreeSet<String> t = services.computeIfAbsent(Json.text(s, "Service"), k -> new TreeSet<>());
        s.path("Tags").forEach(tag -> t.add(tag.asText()));
      });
    }
    return services;
  }

  /** Names one per line; with tags, a second column of comma-joined tags. */
  public static String render(Map<String, ? extends java.util.Set<String>> services,
      boolean withTags) {
    Table table = Table.columns();
    new TreeMap<>(services).forEach((name, t) -> {
      if (withTags) {
        table.row(name, String.join(",", t));
      } else {
        table.row(name);
      }
    });
    return table.render();
  }
}
