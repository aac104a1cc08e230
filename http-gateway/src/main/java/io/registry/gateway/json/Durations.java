package io.registry.gateway.json;

import io.registry.catalog.model.GoDuration;
import java.time.Duration;

/**
 * Go duration syntax (§2.11) for ?wait, ?max_stale and check fields: the catalog's one
 * parser, with every failure surfaced as IllegalArgumentException for the callers' 400s.
 */
public final class Durations {
  private Durations() {}

  /** Parses Go syntax ("300ms", "1m30s", "0"); IllegalArgumentException when invalid. */
  public static Duration parse(String s) {
    try {
      return GoDuration.parse(s);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("time: invalid duration \"" + s + "\"", e);
    }
  }

  /** Go's Duration.String(): 0s, 500ms, 10s, 1m30s, 1h0m0s. */
  public static String format(Duration d) {
    return GoDuration.format(d);
  }
}
