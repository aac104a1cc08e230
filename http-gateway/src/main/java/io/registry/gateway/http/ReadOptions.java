package io.registry.gateway.http;

import io.registry.gateway.json.Durations;
import io.registry.node.api.Consistency;
import java.time.Duration;

/**
 * How a read runs: consistency mode (§2.7), blocking index and wait (§2.9).
 *
 * @param index requested index, unsigned; 0 = do not block
 * @param waitTime requested wait, null when absent
 * @param maxStale ?max_stale, null when absent
 */
public record ReadOptions(Consistency consistency, long index, Duration waitTime, Duration maxStale) {

  public static ReadOptions parse(QueryParams q) {
    boolean stale = q.has("stale");
    boolean consistent = q.has("consistent");
    if (stale && consistent) {
      throw HttpError.badRequest("Cannot specify ?stale with ?consistent, conflicting semantics.");
    }
    Duration maxStale = null;
    if (q.has("max_stale")) {
      String v = q.getOr("max_stale", "");
      try {
        maxStale = Durations.parse(v);
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("Invalid max_stale value \"" + v + "\"");
      }
      if (consistent) {
        throw HttpError.badRequest("Cannot specify ?max_stale with ?consistent, conflicting semantics.");
      }
    }
    Consistency c = consistent ? Consistency.CONSISTENT
        : (stale || maxStale != null) && !q.has("leader") ? Consistency.STALE
        : Consistency.DEFAULT;
    long index = 0;
    if (q.has("index")) {
      try {
        index = Long.parseUnsignedLong(q.getOr("index", ""));
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("Invalid index");
      }
    }
    Duration wait = null;
    if (q.has("wait")) {
      try {
        wait = Durations.parse(q.getOr("wait", ""));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("Invalid wait time");
      }
    }
    return new ReadOptions(c, index, wait, maxStale);
  }

  /** The X-Consul-Effective-Consistency word. */
  public static String label(Consistency c) {
    return switch (c) {
      case DEFAULT -> "leader";
      case CONSISTENT -> "consistent";
      case STALE -> "stale";
    };
  }
}
