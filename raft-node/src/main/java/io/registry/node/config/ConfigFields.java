package io.registry.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.catalog.model.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One JSON object of a config file, read the way Consul translates its keys: snake_case is
 * canonical, and CamelCase or lower-case spellings of the same name match too (underscores
 * and case are ignored when comparing). Every getter consumes its key; {@link #rejectUnknown()}
 * then names the first key nobody asked for. Errors carry the file and the key's path as the
 * file spells it, so an operator can find the line.
 */
final class ConfigFields {
  private record Field(String name, JsonNode value) {}

  private final String file;
  private final String path;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  ConfigFields(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    if (!node.isObject()) {
      throw fail(path, "expected an object, got " + kind(node));
    }
    node.properties().forEach(e -> fields.put(norm(e.getKey()), new Field(e.getKey(), e.getValue())));
  }

  static String norm(String key) {
    return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  String file() {
    return file;
  }

  /** The path of this object, "" at the top. */
  String path() {
    return path;
  }

  boolean has(String... names) {
    for (String n : names) {
      Field f = fields.get(norm(n));
      if (f != null && !f.value().isNull()) {
        return true;
      }
    }
    return false;
  }

  ConfigException fail(String keyPath, String reason) {
    return ConfigException.at(file, keyPath, reason);
  }

  /** The path of a key of this object, as the file spells it. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** As take, refusing a value that accepts does not take, naming what was expected. */
  private Field typed(Predicate<JsonNode> accepts, String expected, String... names) {
    Field f = take(names);
    if (f != null && !accepts.test(f.value())) {
      throw wrongType(f, expected);
    }
    return f;
  }

  private Field take(String... names) {
    Field found = null;
    for (String n : names) {
      Field f = fields.remove(norm(n));
      if (f != null && found == null && !f.value().isNull()) {
        found = f;
      }
    }
    return found;
  }

  String str(String... names) {
    Field f = typed(JsonNode::isTextual, "a string", names);
    return f == null ? null : f.value().asText();
  }

  Boolean bool(String... names) {
    Field f = typed(JsonNode::isBoolean, "true or false", names);
    return f == null ? null : f.value().booleanValue();
  }

  Integer integer(String... names) {
    Field f = typed(v -> v.isIntegralNumber() && v.canConvertToInt(), "an integer", names);
    return f == null ? null : f.value().intValue();
  }

  List<String> strings(String... names) {
    Field f = typed(JsonNode::isArray, "a list of strings", names);
    if (f == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : f.value()) {
      if (!e.isTextual()) {
        throw wrongType(f, "a list of strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  /** A map with the user's own keys (meta, node_meta): keys are kept exactly as written. */
  Map<String, String> stringMap(String... names) {
    Field f = typed(JsonNode::isObject, "an object of strings", names);
    if (f == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : f.value().properties()) {
      if (!e.getValue().isTextual()) {
        throw fail(pathOf(f.name()) + "." + e.getKey(), "expected a string, got "
            + kind(e.getValue()));
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** HTTP headers: {name: [values]}; a lone string is read as a one-value list. */
  Map<String, List<String>> stringListMap(String... names) {
    Field f = typed(JsonNode::isObject, "an object of string lists", names);
    if (f == null) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var e : f.value().properties()) {
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        values.add(v.asText());
      } else if (v.isArray()) {
        v.forEach(x -> values.add(x.asText()));
      } else {
        throw fail(pathOf(f.name()) + "." + e.getKey(), "expected a list of strings, got "
            + kind(v));
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  /**
   * A Go duration string (files take durations only as strings, §14.2). positive: zero is
   * refused too (intervals, TTLs); otherwise only negatives are.
   */
  Duration duration(boolean positive, String... names) {
    Field f = typed(JsonNode::isTextual, "a duration string such as \"10s\"", names);
    if (f == null) {
      return null;
    }
    String text = f.value().asText();
    Duration d;
    try {
      d = GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw fail(pathOf(f.name()), "invalid duration \"" + text
          + "\" (use a number with a unit, such as \"10s\" or \"1m30s\")");
    }
    if (d.isNegative() || (positive && d.isZero())) {
      throw fail(pathOf(f.name()), "duration must be "
          + (positive ? "greater than zero" : "zero or more") + ", got \"" + text + "\"");
    }
    return d;
  }

  /** A nested object; null when absent. */
  ConfigFields object(String... names) {
    Field f = typed(JsonNode::isObject, "an object", names);
    if (f == null) {
      return null;
    }
    return new ConfigFields(file, pathOf(f.name()), f.value());
  }

  /**
   * Every object under any of the names, in order: each name may hold one object or a list
   * of them ("service" and "services" both add up). The path gets [n] only for list items.
   */
  List<ConfigFields> objects(String... names) {
    List<ConfigFields> out = new ArrayList<>();
    for (String n : names) {
      Field f = take(n);
      if (f == null) {
        continue;
      }
      String at = pathOf(f.name());
      if (f.value().isObject()) {
        out.add(new ConfigFields(file, at, f.value()));
      } else if (f.value().isArray()) {
        int i = 0;
        for (JsonNode e : f.value()) {
          out.add(new ConfigFields(file, at + "[" + i++ + "]", e));
        }
      } else {
        throw wrongType(f, "an object or a list of objects");
      }
    }
    return out;
  }

  /** A map from the user's own keys to objects (tagged_addresses). */
  Map<String, ConfigFields> objectMap(String... names) {
    Field f = typed(JsonNode::isObject, "an object", names);
    if (f == null) {
      return null;
    }
    Map<String, ConfigFields> out = new LinkedHashMap<>();
    for (var e : f.value().properties()) {
      out.put(e.getKey(), new ConfigFields(file, pathOf(f.name()) + "." + e.getKey(),
          e.getValue()));
    }
    return out;
  }

  /** Keys Consul knows and we accept without acting on them; each one present is reported. */
  void ignore(Consumer<String> report, String... names) {
    for (String n : names) {
      Field f = fields.remove(norm(n));
      if (f != null) {
        report.accept(pathOf(f.name()));
      }
    }
  }

  /** Consul's words for a key it does not know. */
  void rejectUnknown() {
    if (!fields.isEmpty()) {
      String key = fields.values().iterator().next().name();
      throw fail(pathOf(key), "invalid config key " + pathOf(key));
    }
  }

  private ConfigException wrongType(Field f, String expected) {
    return fail(pathOf(f.name()), "expected " + expected + ", got " + kind(f.value()));
  }

  private static String kind(JsonNode n) {
    return n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean"
        : n.isArray() ? "a list" : n.isObject() ? "an object" : "null";
  }
}
