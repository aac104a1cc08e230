package io.registry.gateway.filter;

/**
 * The match operators of go-bexpr. Each negated operator is evaluated as the negation of its
 * positive twin, so "!=" on a missing field is true exactly when "==" is false.
 */
enum Operator {
  EQUAL("==", false),
  NOT_EQUAL("!=", true),
  IS_EMPTY("is empty", false),
  IS_NOT_EMPTY("is not empty", true),
  IN("in", false),
  NOT_IN("not in", true),
  CONTAINS("contains", false),
  NOT_CONTAINS("not contains", true),
  MATCHES("matches", false),
  NOT_MATCHES("not matches", true);

  private final String text;
  private final boolean negated;

  Operator(String text, boolean negated) {
    this.text = text;
    this.negated = negated;
  }

  boolean negated() {
    return negated;
  }

  /** The operator whose result this one negates (itself when not negated). */
  Operator positive() {
    return switch (this) {
      case NOT_EQUAL -> EQUAL;
      case IS_NOT_EMPTY -> IS_EMPTY;
      case NOT_IN -> IN;
      case NOT_CONTAINS -> CONTAINS;
      case NOT_MATCHES -> MATCHES;
      default -> this;
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
