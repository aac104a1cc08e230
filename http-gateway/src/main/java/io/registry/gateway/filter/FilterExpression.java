package io.registry.gateway.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled ?filter= expression (go-bexpr grammar, consul-api.md §2.10), evaluated against
 * the JSON form of each element of a response, with Consul's field names as selectors.
 *
 * <p>bexpr checks selectors against the Go type being filtered; we have only JSON, so an
 * unknown selector is not an error but a missing value: it "is empty", is "!=" to anything,
 * and "==", "in", "contains" and "matches" are false for it. Instances are immutable and safe
 * to share between threads.
 */
public final class FilterExpression {
  private final String source;
  private final Expr root;

  private FilterExpression(String source, Expr root) {
    this.source = source;
    this.root = root;
  }

  /** Parses an expression; throws FilterException with a plain message when it is invalid. */
  public static FilterExpression parse(String expression) {
    return new FilterExpression(expression, Parser.parse(expression));
  }

  /** Whether one element (a JSON object as the endpoint outputs it) matches. */
  public boolean matches(JsonNode element) {
    return root.eval(element);
  }

  @Override
  public String toString() {
    return source;
  }
}
