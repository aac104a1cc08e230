package io.registry.catalog.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Go's duration text (consul-api.md sec. 2.11): what clients send in {@code ?wait=}, check
 * intervals and timeouts, and what Consul prints back. Parsing follows Go's
 * {@code time.ParseDuration}; formatting follows {@code time.Duration.String()}.
 */
public final class GoDuration {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", NANOS_PER_SECOND,
          "m", 60 * NANOS_PER_SECOND,
          "h", 3600 * NANOS_PER_SECOND);

  private GoDuration() {}

  /** Parses Go syntax such as {@code 300ms}, {@code -1.5h}, {@code 2h45m}; "0" alone is 0. */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(text);
    }
    String s = text;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigInteger total = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      boolean whole = i > start;
      String number = s.substring(start, i);
      boolean fraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
        fraction = i > fracStart;
        number = (whole ? number : "0") + "." + (fraction ? s.substring(fracStart, i) : "0");
      }
      if (!whole && !fraction) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      Long unit = UNITS.get(s.substring(unitStart, i));
      if (unit == null) {
        throw invalid(text);
      }
      // Go truncates the fractional nanoseconds of each component.
      BigInteger nanos =
          new BigDecimal(number)
              .multiply(BigDecimal.valueOf(unit))
              .setScale(0, RoundingMode.DOWN)
              .toBigIntegerExact();
      total = total.add(nanos);
      if (total.compareTo(MAX_NANOS) > 0) {
        throw invalid(text);
      }
    }
    long nanos = total.longValueExact();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Prints like Go: {@code 0s}, {@code 1.5µs}, {@code 500ms}, {@code 1m30s}, {@code 1h0m0s}. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    long u = negative ? -nanos : nanos; // Long.MIN_VALUE stays negative: handled unsigned
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, NANOS_PER_SECOND) < 0) {
      String unit;
      int precision;
      if (u < 1_000L) {
        unit = "ns";
        precision = 0;
      } else if (u < 1_000_000L) {
        unit = "\u00b5s";
        precision = 3;
      } else {
        unit = "ms";
        precision = 6;
      }
      out.append(withFraction(u, precision)).append(unit);
    } else {
      long seconds = Long.divideUnsigned(u, NANOS_PER_SECOND);
      String secondText = withFraction(u, 9);
      // withFraction printed all whole seconds; keep only those below a minute.
      String fractionPart = secondText.substring(Long.toUnsignedString(seconds).length());
      long minutes = seconds / 60;
      if (minutes > 0) {
        long hours = minutes / 60;
        if (hours > 0) {
          out.append(hours).append('h');
        }
        out.append(minutes % 60).append('m');
      }
      out.append(seconds % 60).append(fractionPart).append('s');
    }
    return negative ? "-" + out : out.toString();
  }

  /** v / 10^precision printed with its fraction, trailing zeros and a bare point dropped. */
  private static String withFraction(long v, int precision) {
    long scale = 1;
    for (int p = 0; p < precision; p++) {
      scale *= 10;
    }
    String whole = Long.toUnsignedString(Long.divideUnsigned(v, scale));
    long fraction = Long.remainderUnsigned(v, scale);
    if (fraction == 0) {
      return whole;
    }
    String digits = String.format(java.util.Locale.ROOT, "%0" + precision + "d", fraction);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + digits.substring(0, end);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }
}
