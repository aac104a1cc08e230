package io.registry.gateway.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Node meta as TXT strings (§13.2): "key=value" with the key quoted per RFC 1464, or the
 * bare value for keys starting "rfc1035-". Returned in dnsjava's presentation form with
 * every byte outside printable ASCII written as \ddd, so a backslash or UTF-8 in meta is
 * sent as the bytes the operator wrote, and split into strings of at most 255 bytes.
 */
final class NodeMetaTxt {
  private static final int MAX_STRING = 255;

  private NodeMetaTxt() {}

  static List<String> strings(String key, String value) {
    String text = key.startsWith("rfc1035-") ? value : quoteKey(key) + "=" + value;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (int from = 0; from < bytes.length || out.isEmpty(); from += MAX_STRING) {
      out.add(escape(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + MAX_STRING))));
    }
    return out;
  }

  /** RFC 1464: a backquote quotes '=', '`' and leading or trailing blanks of the name. */
  static String quoteKey(String key) {
    StringBuilder out = new StringBuilder();
    int last = key.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = key.charAt(i);
      boolean edgeBlank = (c == ' ' || c == '\t') && (i == 0 || i == last);
      if (c == '=' || c == '`' || edgeBlank) {
        out.append('`');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int v = b & 0xff;
      if (v >= 0x20 && v < 0x7f && v != '\\' && v != '"') {
        out.append((char) v);
      } else {
        out.append('\\').append(String.format("%03d", v));
      }
    }
    return out.toString();
  }
}
