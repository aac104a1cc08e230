package io.registry.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.cli.CliException;
import java.io.IOException;

/** The one ObjectMapper of the CLI. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses an answer body; a body that is not JSON is a server bug worth one clear line. */
  public static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new CliException("Error decoding response: " + e.getMessage());
    }
  }

  /** A text field of an object, "" when absent or null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
