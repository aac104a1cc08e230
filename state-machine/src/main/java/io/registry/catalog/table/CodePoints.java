package io.registry.catalog.table;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, which equals UTF-8 byte order. String.compareTo
 * compares UTF-16 units and departs from it above U+FFFF, so KV keys never use it.
 */
public final class CodePoints implements Comparator<String> {
  public static final CodePoints ORDER = new CodePoints();

  private CodePoints() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
