package io.registry.gateway.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The per-value semantics of the positive operators. bexpr converts the literal to the Go type
 * of the field; we convert it to the JSON type of the value instead, so {@code Port == 8080},
 * {@code Port == "8080"} and {@code EnableTagOverride == true} all work. A literal that does not
 * convert simply does not match (bexpr, knowing the schema, rejects it when parsing).
 */
final class Values {
  private Values() {}

  /** "==": strings exactly, numbers by value, booleans as Go's strconv.ParseBool reads them. */
  static boolean equal(JsonNode value, String literal) {
    if (value.isTextual()) {
      return value.textValue().equals(literal);
    }
    if (value.isNumber()) {
      BigDecimal number = parseNumber(literal);
      return number != null && value.decimalValue().compareTo(number) == 0;
    }
    if (value.isBoolean()) {
      Boolean b = parseBool(literal);
      return b != null && b == value.booleanValue();
    }
    // bexpr refuses == on slices, maps and structs; without a schema we just never match.
    return false;
  }

  /**
   * "contains" and "in" (the same test with the operands swapped): membership for arrays, key
   * presence for maps, substring for strings.
   */
  static boolean contains(JsonNode value, String literal) {
    if (value.isTextual()) {
      return value.textValue().contains(literal);
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (equal(item, literal)) {
          return true;
        }
      }
      return false;
    }
    if (value.isObject()) {
      return value.has(literal);
    }
    return false;
  }

  /** "is empty": length zero for strings, arrays and maps; null/missing never gets here. */
  static boolean isEmpty(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    if (value.isContainerNode()) {
      return value.isEmpty();
    }
    return false;
  }

  /** "matches": strings only, as in bexpr. */
  static boolean matches(JsonNode value, Pattern regex) {
    return value.isTextual() && Regex.find(regex, value.textValue());
  }

  private static BigDecimal parseNumber(String literal) {
    // BigDecimal is laxer than Go's ParseInt ("8080.0", "1e3" pass); harmless for filtering.
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The spellings accepted by Go's strconv.ParseBool, which bexpr uses. */
  private static Boolean parseBool(String literal) {
    return switch (literal) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }
}
