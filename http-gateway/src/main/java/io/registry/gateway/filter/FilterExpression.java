package io.registry.gateway.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled ?filter= expression (go-bexpr grammar, consul-api.md §2.10), evaluated against
 * the JSON form of each element of a response, with Consul's field names as selectors.
 */
public final class FilterExpression {

  /** Parses an expression; throws FilterException with a plain message when it is invalid. */
  public static FilterExpression parse(String expression) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Whether one element (a JSON object as the endpoint outputs it) matches. */
  public boolean matches(JsonNode element) {
    throw new UnsupportedOperationException("TODO(#3)");
  }
}
