package io.registry.node.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a later config file's value combines with an earlier one's (null: not set there). */
final class Merge {
  private Merge() {}

  /** Scalars: the later file wins when it sets the key. */
  static <T> T pick(T earlier, T later) {
    return later != null ? later : earlier;
  }

  /** Lists: both files' entries, earlier first. */
  static <T> List<T> concat(List<T> a, List<T> b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Maps: keys of both, the later file's value for a key both set. */
  static <V> Map<String, V> maps(Map<String, V> a, Map<String, V> b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    Map<String, V> out = new LinkedHashMap<>(a);
    out.putAll(b);
    return out;
  }
}
