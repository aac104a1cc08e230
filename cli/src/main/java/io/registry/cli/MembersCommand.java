package io.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `registry members`: the cluster members this agent knows (GET /v1/agent/members). */
@Command(name = "members", description = "Lists the members of the cluster.")
public final class MembersCommand extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-detailed", "--detailed"}, arity = "0..1", fallbackValue = "true",
      description = "Show every member tag.")
  boolean detailed;

  @Option(names = {"-status", "--status"}, paramLabel = "<regex>",
      description = "Only members whose status matches this regular expression.")
  String status;

  @Option(names = {"-wan", "--wan"}, arity = "0..1", fallbackValue = "true",
      description = "List the WAN pool (servers only).")
  boolean wan;

  public MembersCommand(Console console) {
    super(console);
  }

  /** One row of the listing, decoded from an AgentMember. */
  public record Row(String name, String address, String status, Map<String, String> tags) {
    public boolean server() {
      return "consul".equals(tags.get("role"));
    }
  }

  @Override
  public Integer call() {
    Pattern filter = compile(status);
    JsonNode members = Json.parse(
        client.client().get("/v1/agent/members" + client.query(wan ? "wan" : "")).orFail(
            "retrieving members").body());
    List<Row> rows = new ArrayList<>();
    for (JsonNode m : members) {
      Row row = row(m);
      if (filter == null || filter.matcher(row.status()).find()) {
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      // Consul exits 2 here so scripts can tell "no match" from "error".
      return 2;
    }
    console.out().print(detailed ? detailedTable(rows) : standardTable(rows));
    return 0;
  }

  private static Pattern compile(String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new CliException("Failed to compile status regexp: " + e.getMessage());
    }
  }

  static Row row(JsonNode m) {
    Map<String, String> tags = new TreeMap<>();
    m.path("Tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    String address = Json.text(m, "Addr") + ":" + m.path("Port").asInt();
    return new Row(Json.text(m, "Name"), address, statusName(m.path("Status").asInt()), tags);
  }

  /** Serf's member status numbers as Consul prints them. */
  public static String statusName(int status) {
    return switch (status) {
      case 1 -> "alive";
      case 2 -> "leaving";
      case 3 -> "left";
      case 4 -> "failed";
      default -> "none";
    };
  }

  /** Servers first, then by name (§15.2). */
  static List<Row> sorted(List<Row> rows) {
    return rows.stream()
        .sorted(Comparator.comparing((Row r) -> !r.server()).thenComparing(Row::name))
        .toList();
  }

  public static String standardTable(List<Row> rows) {
    Table table = Table.columns(
        "Node", "Address", "Status", "Type", "Build", "Protocol", "DC", "Partition", "Segment");
    for (Row r : sorted(rows)) {
      String build = r.tags().getOrDefault("build", "");
      int colon = build.indexOf(':');
      table.row(
          r.name(),
          r.address(),
          r.status(),
          r.server() ? "server" : "client",
          colon < 0 ? build : build.substring(0, colon),
          r.tags().getOrDefault("vsn", ""),
          r.tags().getOrDefault("dc", ""),
          "default",
          r.server() ? "<all>" : "<default>");
    }
    return table.render();
  }

  public static String detailedTable(List<Row> rows) {
    Table table = Table.columns("Node", "Address", "Status", "Tags");
    for (Row r : sorted(rows)) {
      List<String> pairs = new ArrayList<>();
      new TreeMap<>(r.tags()).forEach((k, v) -> pairs.add(k + "=" + v));
      table.row(r.name(), r.address(), r.status(), String.join(",", pairs));
    }
    return table.render();
  }
}
