package io.registry.gateway.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON request object read the way Go's decoder reads it: field names match
 * case-insensitively, and (a superset of Consul's config aliases) underscores are ignored, so
 * "service_id", "ServiceID" and "serviceid" are one field. Explicit nulls read as absent.
 * Every getter consumes its field; {@link #rejectUnknown()} then names the first field nobody
 * asked for, as Consul's DisallowUnknownFields does.
 */
public final class JsonFields {
  private record Field(String name, JsonNode value) {}

  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final String where;

  private JsonFields(JsonNode node, String where) {
    this.where = where;
    if (node != null && !node.isNull()) {
      if (!node.isObject()) {
        throw new DecodeException("json: cannot unmarshal " + kind(node) + " into Go value of type " + where);
      }
      node.properties().forEach(e -> fields.put(norm(e.getKey()), new Field(e.getKey(), e.getValue())));
    }
  }

  public static JsonFields of(JsonNode node, String goType) {
    return new JsonFields(node, goType);
  }

  private static String norm(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static String kind(JsonNode n) {
    return n.isTextual() ? "string" : n.isNumber() ? "number" : n.isBoolean() ? "bool"
        : n.isArray() ? "array" : n.isObject() ? "object" : "null";
  }

  private JsonNode take(String... names) {
    JsonNode found = null;
    for (String n : names) {
      Field f = fields.remove(norm(n));
      if (f != null && found == null && !f.value().isNull()) {
        found = f.value();
      }
    }
    return found;
  }

  private DecodeException wrongType(JsonNode v, String field, String goType) {
    return new DecodeException("json: cannot unmarshal " + kind(v) + " into Go struct field "
        + where + "." + field + " of type " + goType);
  }

  public boolean has(String name) {
    Field f = fields.get(norm(name));
    return f != null && !f.value().isNull();
  }

  public String str(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw wrongType(v, names[0], "string");
    }
    return v.asText();
  }

  public int integer(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrongType(v, names[0], "int");
    }
    return v.intValue();
  }

  /** null when absent (a ternary here would unbox the null: keep the if). */
  public Integer optionalInteger(String... names) {
    for (String n : names) {
      if (has(n)) {
        return integer(names);
      }
    }
    take(names);
    return null;
  }

  public boolean bool(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw wrongType(v, names[0], "bool");
    }
    return v.booleanValue();
  }

  public List<String> strings(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw wrongType(v, names[0], "[]string");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw wrongType(e, names[0], "string");
      }
      out.add(e.asText());
    }
    return out;
  }

  public Map<String, String> stringMap(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, names[0], "map[string]string");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw wrongType(e.getValue(), names[0], "string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  public Map<String, List<String>> stringListMap(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, names[0], "map[string][]string");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var e : v.properties()) {
      List<String> values = new ArrayList<>();
      if (!e.getValue().isArray()) {
        throw wrongType(e.getValue(), names[0], "[]string");
      }
      e.getValue().forEach(x -> values.add(x.asText()));
      out.put(e.getKey(), values);
    }
    return out;
  }

  /** A nested object; null when absent. */
  public JsonFields object(String goType, String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, names[0], goType);
    }
    return new JsonFields(v, goType);
  }

  /** A map of nested objects (TaggedAddresses); null when absent. */
  public Map<String, JsonFields> objectMap(String goType, String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(v, names[0], "map[string]" + goType);
    }
    Map<String, JsonFields> out = new LinkedHashMap<>();
    for (var e : v.properties()) {
      out.put(e.getKey(), new JsonFields(e.getValue(), goType));
    }
    return out;
  }

  public List<JsonFields> objects(String goType, String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw wrongType(v, names[0], "[]" + goType);
    }
    List<JsonFields> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isNull()) {
        out.add(new JsonFields(e, goType));
      }
    }
    return out;
  }

  /** A Go duration string, or a JSON number of nanoseconds (check fields, §2.11). */
  public Duration duration(String... names) {
    JsonNode v = take(names);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return Duration.ofNanos(v.longValue());
    }
    if (!v.isTextual()) {
      throw wrongType(v, names[0], "time.Duration");
    }
    if (v.asText().isEmpty()) {
      return null;
    }
    try {
      return Durations.parse(v.asText());
    } catch (IllegalArgumentException e) {
      throw new DecodeException(e.getMessage());
    }
  }

  /** Fields Consul knows but we do not implement: accepted and dropped. */
  public void ignore(String... names) {
    for (String n : names) {
      fields.remove(norm(n));
    }
  }

  public void rejectUnknown() {
    if (!fields.isEmpty()) {
      throw new DecodeException("json: unknown field \"" + fields.values().iterator().next().name() + "\"");
    }
  }
}
