package io.registry.gateway.filter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Character-level scanning primitives for the Parser. The grammar is context sensitive (a bare
 * word is a selector or a value depending on the operator that follows, and "not" is either a
 * prefix or half of "not in"), so the Parser drives the scanning instead of consuming a token
 * stream built up front; mark/reset give it the little backtracking it needs.
 */
final class Lexer {
  private final String src;
  private int pos;

  Lexer(String src) {
    this.src = src;
  }

  int mark() {
    return pos;
  }

  void reset(int mark) {
    pos = mark;
  }

  String text(int from, int to) {
    return src.substring(from, to);
  }

  boolean atEnd() {
    return pos >= src.length();
  }

  boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  boolean tryChar(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  void skipSpace() {
    while (pos < src.length() && isSpace(src.charAt(pos))) {
      pos++;
    }
  }

  /** Consumes a symbolic operator such as "==" when it comes next. */
  boolean tryOperator(String op) {
    if (src.startsWith(op, pos)) {
      pos += op.length();
      return true;
    }
    return false;
  }

  /**
   * Consumes a keyword when it comes next as a whole word: "not" must not eat the start of a
   * field called "notes". Keywords are case sensitive, as in bexpr.
   */
  boolean tryKeyword(String keyword) {
    if (!src.startsWith(keyword, pos)) {
      return false;
    }
    int end = pos + keyword.length();
    if (end < src.length() && isIdentifierPart(src.charAt(end))) {
      return false;
    }
    pos = end;
    return true;
  }

  boolean atIdentifierStart() {
    return pos < src.length() && isIdentifierStart(src.charAt(pos));
  }

  /**
   * A field name. bexpr allows [a-zA-Z][a-zA-Z0-9_/]*; we also accept '_' first and '-' inside,
   * so that meta keys such as consul-network-segment work without the ["..."] form, and after
   * a dot a leading digit (when leadingDigit), so "v1.0" still reads as a bare value.
   */
  String readIdentifier(boolean leadingDigit) {
    int start = pos;
    if (pos < src.length()
        && (isIdentifierStart(src.charAt(pos))
            || (leadingDigit && Character.isDigit(src.charAt(pos))))) {
      pos++;
      while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
        pos++;
      }
    }
    return start == pos ? null : src.substring(start, pos);
  }

  boolean atStringStart() {
    return peek('"') || peek('`');
  }

  /** A number literal starts a value on the left of "in"; a selector never starts this way. */
  boolean atNumberStart() {
    if (pos >= src.length()) {
      return false;
    }
    char c = src.charAt(pos);
    return Character.isDigit(c)
        || ((c == '-' || c == '+' || c == '.')
            && pos + 1 < src.length()
            && Character.isDigit(src.charAt(pos + 1)));
  }

  /**
   * An unquoted value: everything up to whitespace or a parenthesis. bexpr accepts numbers and
   * selector-shaped words here (so `Port == 8080`, `EnableTagOverride == true`, `Status ==
   * passing`); we are a little more lenient and take any such run of characters.
   */
  String readBareValue() {
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (isSpace(c) || c == '(' || c == ')' || c == '"' || c == '`') {
        break;
      }
      pos++;
    }
    return start == pos ? null : src.substring(start, pos);
  }

  /** A "double-quoted" string with Go escapes, or a `raw` string; the lexer is on the quote. */
  String readString() {
    int start = pos;
    char quote = src.charAt(pos++);
    if (quote == '`') {
      int end = src.indexOf('`', pos);
      if (end < 0) {
        throw error(start, "unterminated raw string literal");
      }
      String raw = src.substring(pos, end);
      pos = end + 1;
      return raw;
    }
    // Bytes, not chars: Go's \x and octal escapes produce bytes that may form UTF-8 sequences.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw error(start, "unterminated string literal");
      }
      int cp = src.codePointAt(pos);
      if (cp == '"') {
        pos++;
        return out.toString(StandardCharsets.UTF_8);
      }
      if (cp == '\\') {
        readEscape(out);
      } else {
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        pos += Character.charCount(cp);
      }
    }
  }

  /** The escapes of Go's strconv.Unquote (plus \' which Go only allows in rune literals). */
  private void readEscape(ByteArrayOutputStream out) {
    int at = pos;
    pos++; // the backslash
    if (pos >= src.length()) {
      throw error(at, "unterminated string literal");
    }
    char c = src.charAt(pos++);
    switch (c) {
      case 'a' -> out.write(7);
      case 'b' -> out.write('\b');
      case 'f' -> out.write('\f');
      case 'n' -> out.write('\n');
      case 'r' -> out.write('\r');
      case 't' -> out.write('\t');
      case 'v' -> out.write(11);
      case '\\', '"', '\'' -> out.write(c);
      case 'x' -> out.write(readRadix(at, 2, 16));
      case 'u', 'U' -> {
        int cp = readRadix(at, c == 'u' ? 4 : 8, 16);
        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
          throw error(at, "invalid Unicode escape in string literal");
        }
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        pos--;
        int b = readRadix(at, 3, 8);
        if (b > 255) {
          throw error(at, "invalid octal escape in string literal");
        }
        out.write(b);
      }
      default -> throw error(at, "invalid escape sequence \\" + c + " in string literal");
    }
  }

  private int readRadix(int at, int digits, int radix) {
    if (pos + digits > src.length()) {
      throw error(at, "invalid escape sequence in string literal");
    }
    long value = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(src.charAt(pos++), radix);
      if (d < 0) {
        throw error(at, "invalid escape sequence in string literal");
      }
      value = value * radix + d;
    }
    return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
  }

  /** Describes what comes next, for error messages. */
  String describeNext() {
    if (atEnd()) {
      return "end of expression";
    }
    int end = pos + 1;
    if (isIdentifierPart(src.charAt(pos))) {
      while (end < src.length() && end - pos < 20 && isIdentifierPart(src.charAt(end))) {
        end++;
      }
    }
    return "\"" + src.substring(pos, end) + "\"";
  }

  FilterException error(String message) {
    return error(pos, message);
  }

  /**
   * bexpr reports "line:column (offset): message"; we keep that shape so messages read alike,
   * with a 1-based line and column (in chars) and a 0-based offset.
   */
  FilterException error(int at, String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new FilterException(line + ":" + (at - lineStart + 1) + " (" + at + "): " + message);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '/' || c == '-';
  }
}
