package io.registry.gateway.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the raw request path ourselves: %2F inside KV keys and service IDs must survive,
 * which servlet path APIs do not guarantee. '+' is a literal plus in a path.
 */
final class PathDecoder {
  private PathDecoder() {}

  /** Consul redirects to a cleaned path; we refuse instead so a PUT target never moves. */
  static boolean isUnclean(String rawPath) {
    return rawPath.contains("//")
        || rawPath.contains("/./")
        || rawPath.contains("/../")
        || rawPath.endsWith("/.")
        || rawPath.endsWith("/..");
  }

  static String decode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw HttpError.badRequest("Invalid URL escape");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw HttpError.badRequest("Invalid URL escape");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static boolean hasNonPrintable(String path) {
    return path.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0xFFFD);
  }
}
