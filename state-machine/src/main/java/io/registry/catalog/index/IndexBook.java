package io.registry.catalog.index;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Highest log index that changed each resource (catalog.md sec. 3.1). Rows only move up;
 * an emptied resource's row is dropped and reads fall back to its table's row, which
 * already holds the removal. Not thread-safe: guarded by the catalog's lock.
 */
public final class IndexBook {
  private final TreeMap<String, Long> rows = new TreeMap<>();

  /** 0 when the resource has no row. */
  public long get(String key) {
    return rows.getOrDefault(key, 0L);
  }

  public boolean has(String key) {
    return rows.containsKey(key);
  }

  public void bump(String key, long index) {
    rows.merge(key, index, Math::max);
  }

  public void drop(String key) {
    rows.remove(key);
  }

  /** Sorted, read-only: snapshot order. */
  public Map<String, Long> rows() {
    return Collections.unmodifiableMap(rows);
  }

  public void restore(String key, long index) {
    rows.put(key, index);
  }
}
