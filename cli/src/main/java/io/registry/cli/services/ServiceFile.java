package io.registry.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.cli.CliException;
import io.registry.cli.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Service definitions in config-file form (§14.2): `{"service": {..}}` (also a one-element
 * array) or `{"services": [..]}`. The agent register endpoint accepts the file's
 * snake_case keys as aliases (§2.3); the one key it cannot take as is, a check's `id`
 * (`CheckID` in the API), is renamed here.
 */
public final class ServiceFile {
  private ServiceFile() {}

  /** The service definitions of a file, ready for PUT /v1/agent/service/register. */
  public static List<ObjectNode> read(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CliException("Error! Failed to decode " + file + ": " + e.getMessage());
    }
    return definitions(root, file.toString());
  }

  static List<ObjectNode> definitions(JsonNode root, String source) {
    List<ObjectNode> out = new ArrayList<>();
    if (root != null && root.isObject()) {
      collect(root.get("service"), out);
      collect(root.get("services"), out);
    }
    if (out.isEmpty()) {
      throw new CliException("Error! No service definitions found in " + source);
    }
    out.forEach(ServiceFile::renameCheckIds);
    return out;
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      out.add(((ObjectNode) node).deepCopy());
    } else if (node.isArray()) {
      for (JsonNode n : node) {
        if (!n.isObject()) {
          throw new CliException("Error! A service definition must be a JSON object: " + n);
        }
        out.add(((ObjectNode) n).deepCopy());
      }
    } else {
      throw new CliException("Error! A service definition must be a JSON object: " + node);
    }
  }

  private static void renameCheckIds(ObjectNode service) {
    JsonNode check = service.get("check");
    if (check instanceof ObjectNode c) {
      renameId(c);
    }
    JsonNode checks = service.get("checks");
    if (checks instanceof ArrayNode list) {
      list.forEach(c -> {
        if (c instanceof ObjectNode o) {
          renameId(o);
        }
      });
    }
  }

  private static void renameId(ObjectNode check) {
    JsonNode id = check.remove("id");
    if (id != null) {
      check.set("CheckID", id);
    }
  }

  /** The ID a definition registers under: its id, else its name (Consul's default). */
  public static String id(JsonNode service) {
    for (String key : List.of("id", "ID", "Id")) {
      if (service.hasNonNull(key)) {
        return service.get(key).asText();
      }
    }
    return name(service);
  }

  public static String name(JsonNode service) {
    for (String key : List.of("name", "Name", "NAME")) {
      if (service.hasNonNull(key)) {
        return service.get(key).asText();
      }
    }
    return "";
  }
}
