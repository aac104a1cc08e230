package io.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.http.Json;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `registry info`: the Stats sections of GET /v1/agent/self, sorted. */
@Command(name = "info", description = "Shows debugging information about the local agent.")
public final class InfoCommand extends Verb {
  @Mixin ClientOptions client;

  public InfoCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    JsonNode self = Json.parse(
        client.client().get("/v1/agent/self").orFail("querying agent").body());
    console.out().print(render(self.path("Stats")));
    return 0;
  }

  /** `section:` then a tab-indented `key = value` per stat, both levels sorted. */
  public static String render(JsonNode stats) {
    Map<String, Map<String, String>> sections = new TreeMap<>();
    stats.fields().forEachRemaining(section -> {
      Map<String, String> values = new TreeMap<>();
      section.getValue().fields().forEachRemaining(
          e -> values.put(e.getKey(), e.getValue().isValueNode()
              ? e.getValue().asText() : e.getValue().toString()));
      sections.put(section.getKey(), values);
    });
    StringBuilder out = new StringBuilder();
    sections.forEach((name, values) -> {
      out.append(name).append(":\n");
      values.forEach((k, v) -> out.append('\t').append(k).append(" = ").append(v).append('\n'));
    });
    return out.toString();
  }
}
