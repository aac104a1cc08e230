package io.registry.gateway.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A selector path such as {@code Service.Tags} or {@code Node.Meta["k-1"]}, resolved against the
 * JSON form of an element (bexpr resolves against Go structs; the JSON field names are the same).
 *
 * @param text the selector as written, for messages and for the value-on-the-left form
 * @param segments the path steps, outermost first
 */
record Selector(String text, List<Segment> segments) {

  /**
   * One step of the path.
   *
   * @param name the field name or map key
   * @param exactKey true for the ["key"] form: map keys are user data, so only an exact match
   *     counts; dotted names may be struct fields, which we also match ignoring case
   */
  record Segment(String name, boolean exactKey) {}

  Selector {
    segments = List.copyOf(segments);
  }

  /**
   * The values this selector reaches in the element; empty when the path is missing or null.
   *
   * <p>A path that walks through an array (e.g. {@code Checks.Status} on a health service
   * entry) is applied to every element, yielding one value per element, as bexpr does for
   * slices of structs; the operator then holds when it holds for any of them. An array that is
   * the final value is returned whole, so {@code Tags contains "v1"} sees the list.
   */
  List<JsonNode> resolve(JsonNode element) {
    List<JsonNode> current = new ArrayList<>();
    if (element != null && !element.isNull() && !element.isMissingNode()) {
      current.add(element);
    }
    for (Segment segment : segments) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        step(node, segment, next);
      }
      current = next;
      if (current.isEmpty()) {
        break;
      }
    }
    return current;
  }

  private static void step(JsonNode node, Segment segment, List<JsonNode> out) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        step(item, segment, out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode child = node.get(segment.name());
    if (child == null && !segment.exactKey()) {
      // Lenient on field names (filter=service == "web"), exact first so that a map holding
      // both "env" and "Env" still selects the one that was asked for.
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equalsIgnoreCase(segment.name())) {
          child = field.getValue();
          break;
        }
      }
    }
    if (child != null && !child.isNull() && !child.isMissingNode()) {
      out.add(child);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
