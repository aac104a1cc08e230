package io.registry.gateway.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** The parsed expression tree. "and"/"or" are n-ary so long chains do not nest deeply. */
sealed interface Expr permits Expr.Or, Expr.And, Expr.Not, Expr.Match {

  boolean eval(JsonNode element);

  /** True when any term is (evaluated left to right, stopping at the first true). */
  record Or(List<Expr> terms) implements Expr {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public boolean eval(JsonNode element) {
      for (Expr term : terms) {
        if (term.eval(element)) {
          return true;
        }
      }
      return false;
    }
  }

  /** True when every term is (evaluated left to right, stopping at the first false). */
  record And(List<Expr> terms) implements Expr {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public boolean eval(JsonNode element) {
      for (Expr term : terms) {
        if (!term.eval(element)) {
          return false;
        }
      }
      return true;
    }
  }

  record Not(Expr operand) implements Expr {
    @Override
    public boolean eval(JsonNode element) {
      return !operand.eval(element);
    }
  }

  /**
   * One comparison. The selector may reach several values (through arrays) or none (missing
   * field or null). The positive operators hold when they hold for any reached value, except
   * "is empty" which needs all of them empty, so a missing field is empty, is not equal to
   * anything and contains nothing; negated operators are the exact negation.
   *
   * @param value the literal (null for the "is empty" forms)
   * @param regex the compiled literal for the "matches" forms
   */
  record Match(Selector selector, Operator op, String value, Pattern regex) implements Expr {
    @Override
    public boolean eval(JsonNode element) {
      List<JsonNode> values = selector.resolve(element);
      boolean positive =
          switch (op.positive()) {
            case EQUAL -> values.stream().anyMatch(v -> Values.equal(v, value));
            case IN, CONTAINS -> values.stream().anyMatch(v -> Values.contains(v, value));
            case MATCHES -> values.stream().anyMatch(v -> Values.matches(v, regex));
            case IS_EMPTY -> values.stream().allMatch(Values::isEmpty);
            default -> throw new IllegalStateException("not a positive operator: " + op);
          };
      return op.negated() != positive;
    }
  }
}
