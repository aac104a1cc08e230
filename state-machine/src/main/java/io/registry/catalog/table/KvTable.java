package io.registry.catalog.table;

import io.registry.catalog.model.KvEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * KV rows and tombstones, both in code-point order so that all keys under a prefix form one
 * contiguous range. Tombstones keep a prefix's index from going down when keys vanish.
 * Not thread-safe: guarded by the catalog's lock.
 */
public final class KvTable {
  private final TreeMap<String, KvEntry> rows = new TreeMap<>(CodePoints.ORDER);
  private final TreeMap<String, Long> tombstones = new TreeMap<>(CodePoints.ORDER);

  public KvEntry get(String key) {
    return rows.get(key);
  }

  public void put(KvEntry entry) {
    rows.put(entry.key(), entry);
  }

  /** Removes a present key and leaves a tombstone at the delete's index. */
  public void delete(String key, long index) {
    rows.remove(key);
    tombstones.put(key, index);
  }

  /**
   * Removes every key under the prefix. If any existed, one tombstone at the prefix records
   * the delete, also for "" (keys cannot be empty, so that tombstone is unambiguous): a
   * longer prefix that still has older tombstones of its own must not fall below this delete,
   * so prefixIndex counts ancestor tombstones. Answers how many keys went.
   */
  public int deleteTree(String prefix, long index) {
    List<String> doomed = new ArrayList<>(keysUnder(rows, prefix));
    for (String key : doomed) {
      rows.remove(key);
    }
    if (!doomed.isEmpty()) {
      tombstones.put(prefix, index);
    }
    return doomed.size();
  }

  /** Rows whose key starts with prefix, in code-point order. */
  public List<KvEntry> list(String prefix) {
    List<KvEntry> out = new ArrayList<>();
    for (String key : keysUnder(rows, prefix)) {
      out.add(rows.get(key));
    }
    return out;
  }

  /** Whether any row or tombstone lies under the prefix (else the prefix is absent). */
  public boolean present(String prefix) {
    return !keysUnder(rows, prefix).isEmpty() || !keysUnder(tombstones, prefix).isEmpty();
  }

  /**
   * max(ModifyIndex of rows under p, tombstones under p, tombstones at proper prefixes of p);
   * 0 when absent. An ancestor tombstone may mark a tree delete that emptied part of p.
   */
  public long prefixIndex(String prefix) {
    long max = 0;
    for (int length = 0; length < prefix.length(); length++) {
      Long ancestor = tombstones.get(prefix.substring(0, length));
      if (ancestor != null) {
        max = Math.max(max, ancestor);
      }
    }
    for (String key : keysUnder(rows, prefix)) {
      max = Math.max(max, rows.get(key).modifyIndex());
    }
    for (String key : keysUnder(tombstones, prefix)) {
      max = Math.max(max, tombstones.get(key));
    }
    return max;
  }

  public Collection<KvEntry> rows() {
    return rows.values();
  }

  public Map<String, Long> tombstones() {
    return tombstones;
  }

  public void putTombstone(String key, long index) {
    tombstones.put(key, index);
  }

  /** Row equality without indexes: value bytes, flags and lock holder (Consul's Equal). */
  public static boolean sameContent(KvEntry a, KvEntry b) {
    return a.flags() == b.flags()
        && Objects.equals(a.session(), b.session())
        && Arrays.equals(a.value(), b.value());
  }

  private static <V> List<String> keysUnder(TreeMap<String, V> map, String prefix) {
    List<String> out = new ArrayList<>();
    for (String key : map.tailMap(prefix, true).keySet()) {
      if (!key.startsWith(prefix)) {
        break;
      }
      out.add(key);
    }
    return out;
  }
}
