package io.registry.gateway.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The "matches" operator. bexpr uses Go's RE2 and an unanchored MatchString; we use
 * java.util.regex with find(), which agrees on the common syntax. Differences worth knowing:
 * Java also accepts backreferences and lookaround (RE2 rejects them), RE2's (?U) means
 * ungreedy whereas Java's means Unicode classes, and RE2 runs in linear time while Java
 * backtracks. Because the pattern comes from a request, a match that takes too many steps is
 * abandoned and counts as no match, so a pattern like (a+)+b cannot pin a request thread.
 */
final class Regex {
  /** Character reads allowed per match; ample for realistic patterns on field-sized input. */
  static final int STEP_BUDGET = 1_000_000;

  private Regex() {}

  /**
   * Compiles a pattern, translating RE2's (?P<name>...) groups to Java's (?<name>...).
   *
   * @throws PatternSyntaxException when the pattern is invalid (the Parser adds the position)
   */
  static Pattern compile(String regex) {
    return Pattern.compile(translate(regex));
  }

  static boolean find(Pattern pattern, String input) {
    try {
      return pattern.matcher(new BudgetedChars(input, new int[] {STEP_BUDGET})).find();
    } catch (BudgetExceeded e) {
      return false;
    }
  }

  /** Rewrites unescaped "(?P<" outside character classes; leaves everything else alone. */
  private static String translate(String regex) {
    if (!regex.contains("(?P<")) {
      return regex;
    }
    StringBuilder out = new StringBuilder(regex.length());
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        out.append(c).append(regex.charAt(++i));
        continue;
      }
      if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && regex.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  /** A CharSequence that gives up after a fixed number of reads, shared with its slices. */
  private record BudgetedChars(String s, int[] budget) implements CharSequence {
    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new BudgetExceeded();
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedChars(s.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
