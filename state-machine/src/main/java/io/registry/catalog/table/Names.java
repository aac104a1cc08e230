package io.registry.catalog.table;

import java.util.Locale;

/** Case folding for node names, service names/IDs and check IDs (catalog.md sec. 1). */
public final class Names {
  private Names() {}

  /** Locale.ROOT, so every replica folds alike whatever the JVM's default locale. */
  public static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
