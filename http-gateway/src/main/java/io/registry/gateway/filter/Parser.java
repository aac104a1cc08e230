package io.registry.gateway.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser for the go-bexpr grammar:
 *
 * <pre>
 * Or    := And ("or" And)*
 * And   := Not ("and" Not)*
 * Not   := "not" Not | "(" Or ")" | Match
 * Match := Selector ("==" | "!=") Value
 *        | Selector "is" ["not"] "empty"
 *        | Selector ["not"] ("contains" | "matches") Value
 *        | Value ["not"] "in" Selector
 * Value := "double-quoted" | `raw` | bare-word
 * </pre>
 *
 * A bare word on the left is read as a selector and reinterpreted as a value when "in" follows,
 * which is how bexpr's PEG resolves the same ambiguity.
 */
final class Parser {
  /** Bounds recursion on hostile input such as ten thousand "(" or "not". */
  static final int MAX_DEPTH = 200;

  private static final String EXPECTED_OPERATOR =
      "expected an operator (==, !=, is empty, is not empty, in, not in, contains,"
          + " not contains, matches, not matches)";

  private final Lexer lexer;

  private Parser(String source) {
    this.lexer = new Lexer(source);
  }

  static Expr parse(String source) {
    if (source == null) {
      throw new FilterException("1:1 (0): empty expression");
    }
    Parser parser = new Parser(source);
    parser.lexer.skipSpace();
    if (parser.lexer.atEnd()) {
      throw parser.lexer.error("empty expression");
    }
    Expr expr = parser.parseOr(0);
    parser.lexer.skipSpace();
    if (!parser.lexer.atEnd()) {
      if (parser.lexer.peek(')')) {
        throw parser.lexer.error("unbalanced parentheses: unexpected \")\"");
      }
      throw parser.lexer.error(
          "unexpected " + parser.lexer.describeNext() + ", expected \"and\", \"or\" or the end");
    }
    return expr;
  }

  private Expr parseOr(int depth) {
    List<Expr> terms = new ArrayList<>();
    terms.add(parseAnd(depth));
    while (true) {
      int mark = lexer.mark();
      lexer.skipSpace();
      if (!lexer.tryKeyword("or")) {
        lexer.reset(mark);
        break;
      }
      terms.add(parseAnd(depth));
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
  }

  private Expr parseAnd(int depth) {
    List<Expr> terms = new ArrayList<>();
    terms.add(parseNot(depth));
    while (true) {
      int mark = lexer.mark();
      lexer.skipSpace();
      if (!lexer.tryKeyword("and")) {
        lexer.reset(mark);
        break;
      }
      terms.add(parseNot(depth));
    }
    return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
  }

  private Expr parseNot(int depth) {
    if (depth > MAX_DEPTH) {
      throw lexer.error("expression nested too deeply");
    }
    lexer.skipSpace();
    if (lexer.tryKeyword("not")) {
      return new Expr.Not(parseNot(depth + 1));
    }
    if (lexer.peek('(')) {
      int open = lexer.mark();
      lexer.tryChar('(');
      Expr inner = parseOr(depth + 1);
      lexer.skipSpace();
      if (!lexer.tryChar(')')) {
        throw lexer.error(
            "unbalanced parentheses: expected \")\" to close the \"(\" at offset " + open
                + ", found " + lexer.describeNext());
      }
      return inner;
    }
    return parseMatch();
  }

  private Expr parseMatch() {
    lexer.skipSpace();
    if (lexer.atEnd()) {
      throw lexer.error("expected a selector, a value or \"(\", found end of expression");
    }
    if (lexer.atStringStart() || lexer.atNumberStart()) {
      // Only "<value> [not] in <selector>" starts with a literal.
      String value = lexer.atStringStart() ? lexer.readString() : lexer.readBareValue();
      lexer.skipSpace();
      Operator op = tryInOperator();
      if (op == null) {
        throw lexer.error("expected \"in\" or \"not in\" after the value " + quote(value));
      }
      return new Expr.Match(parseSelector(), op, value, null);
    }
    Selector selector = parseSelector();
    lexer.skipSpace();
    int opAt = lexer.mark();
    if (lexer.tryOperator("==")) {
      return new Expr.Match(selector, Operator.EQUAL, parseValue("=="), null);
    }
    if (lexer.tryOperator("!=")) {
      return new Expr.Match(selector, Operator.NOT_EQUAL, parseValue("!="), null);
    }
    if (lexer.tryKeyword("is")) {
      lexer.skipSpace();
      boolean not = lexer.tryKeyword("not");
      lexer.skipSpace();
      if (!lexer.tryKeyword("empty")) {
        throw lexer.error("expected \"empty\" after \"" + (not ? "is not" : "is") + "\"");
      }
      return new Expr.Match(selector, not ? Operator.IS_NOT_EMPTY : Operator.IS_EMPTY, null, null);
    }
    Operator in = tryInOperator();
    if (in != null) {
      // The word on the left was a bare value, not a selector: `v1 in Tags`.
      return new Expr.Match(parseSelector(), in, selector.text(), null);
    }
    boolean not = lexer.tryKeyword("not");
    if (not) {
      lexer.skipSpace();
    }
    if (lexer.tryKeyword("contains")) {
      Operator op = not ? Operator.NOT_CONTAINS : Operator.CONTAINS;
      return new Expr.Match(selector, op, parseValue(op.toString()), null);
    }
    if (lexer.tryKeyword("matches")) {
      Operator op = not ? Operator.NOT_MATCHES : Operator.MATCHES;
      lexer.skipSpace();
      int valueAt = lexer.mark();
      String regex = parseValue(op.toString());
      return new Expr.Match(selector, op, regex, compileRegex(regex, valueAt));
    }
    if (not) {
      throw lexer.error("expected \"in\", \"contains\" or \"matches\" after \"not\"");
    }
    lexer.reset(opAt);
    if (lexer.atEnd()) {
      throw lexer.error(EXPECTED_OPERATOR + " after " + quote(selector.text()));
    }
    throw lexer.error(EXPECTED_OPERATOR + ", found " + lexer.describeNext());
  }

  /** "in" or "not in", each consuming the whitespace after it; null when neither is next. */
  private Operator tryInOperator() {
    int mark = lexer.mark();
    if (lexer.tryKeyword("in")) {
      lexer.skipSpace();
      return Operator.IN;
    }
    if (lexer.tryKeyword("not")) {
      lexer.skipSpace();
      if (lexer.tryKeyword("in")) {
        lexer.skipSpace();
        return Operator.NOT_IN;
      }
    }
    lexer.reset(mark);
    return null;
  }

  private String parseValue(String after) {
    lexer.skipSpace();
    if (lexer.atStringStart()) {
      return lexer.readString();
    }
    String bare = lexer.readBareValue();
    if (bare == null) {
      throw lexer.error("expected a value after \"" + after + "\", found " + lexer.describeNext());
    }
    return bare;
  }

  /** Field ("." Field | "[" String "]")* — e.g. Service.Tags, Node.Meta["k-1"]. */
  private Selector parseSelector() {
    lexer.skipSpace();
    int start = lexer.mark();
    if (!lexer.atIdentifierStart()) {
      throw lexer.error("expected a selector, found " + lexer.describeNext());
    }
    List<Selector.Segment> segments = new ArrayList<>();
    segments.add(new Selector.Segment(lexer.readIdentifier(false), false));
    while (true) {
      if (lexer.tryChar('.')) {
        String name = lexer.readIdentifier(true);
        if (name == null) {
          throw lexer.error("expected a field name after \".\", found " + lexer.describeNext());
        }
        segments.add(new Selector.Segment(name, false));
      } else if (lexer.tryChar('[')) {
        lexer.skipSpace();
        if (!lexer.atStringStart()) {
          throw lexer.error("expected a quoted key after \"[\", found " + lexer.describeNext());
        }
        String key = lexer.readString();
        lexer.skipSpace();
        if (!lexer.tryChar(']')) {
          throw lexer.error("expected \"]\", found " + lexer.describeNext());
        }
        segments.add(new Selector.Segment(key, true));
      } else {
        break;
      }
    }
    return new Selector(lexer.text(start, lexer.mark()), segments);
  }

  private Pattern compileRegex(String regex, int at) {
    try {
      return Regex.compile(regex);
    } catch (PatternSyntaxException e) {
      throw lexer.error(at, "invalid regular expression " + quote(regex) + ": "
          + e.getDescription());
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
