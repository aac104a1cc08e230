package io.registry.catalog.watch;

import io.registry.catalog.index.Changes;
import io.registry.catalog.index.WatchKeys;
import io.registry.catalog.table.CodePoints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Waiters grouped by watch key (catalog.md sec. 4). Adding and removing are O(1); a change
 * detaches only the sets of the keys it bumped. KV keys and prefixes are also kept in
 * code-point order (for delete-tree range scans) with a multiset of watched prefix lengths,
 * so a write to key K looks up one candidate prefix per watched length.
 *
 * <p>Guarded by its own monitor: readers register concurrently under the catalog's read
 * lock. Futures are completed after the monitor is released.
 */
public final class WatchRegistry {
  private final Object lock = new Object();
  // All of the following under lock.
  private final Map<String, LinkedHashSet<Waiter>> byKey = new HashMap<>();
  private final TreeSet<String> kvKeys = new TreeSet<>(CodePoints.ORDER);
  private final TreeSet<String> kvPrefixes = new TreeSet<>(CodePoints.ORDER);
  private final TreeMap<Integer, Integer> prefixLengths = new TreeMap<>();
  private int count;

  /** Parks a waiter; any completion of its future (cancel, timeout) removes it. */
  public CompletableFuture<Void> add(String key, long seenIndex) {
    Waiter waiter = new Waiter(key, seenIndex);
    synchronized (lock) {
      LinkedHashSet<Waiter> set = byKey.get(key);
      if (set == null) {
        set = new LinkedHashSet<>();
        byKey.put(key, set);
        watched(key, true);
      }
      set.add(waiter);
      count++;
    }
    waiter.future.whenComplete((v, e) -> remove(waiter));
    return waiter.future;
  }

  public int waiterCount() {
    synchronized (lock) {
      return count;
    }
  }

  /** Wakes waiters on what one apply changed whose seen index is below it. */
  public void signal(Changes changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Waiter> woken = new ArrayList<>();
    long index = changes.index();
    synchronized (lock) {
      for (String key : changes.keys()) {
        detach(key, index, woken);
      }
      for (String key : changes.kvKeys()) {
        detach(WatchKeys.kvKey(key), index, woken);
        prefixesOf(key, index, woken);
      }
      for (String removed : changes.kvRemoved()) {
        for (String prefix : under(kvPrefixes, removed)) {
          detach(WatchKeys.kvPrefix(prefix), index, woken);
        }
      }
      for (String tree : changes.kvTrees()) {
        prefixesOf(tree, index, woken);
        for (String key : under(kvKeys, tree)) {
          detach(WatchKeys.kvKey(key), index, woken);
        }
        for (String prefix : under(kvPrefixes, tree)) {
          detach(WatchKeys.kvPrefix(prefix), index, woken);
        }
      }
    }
    complete(woken);
  }

  /** After a restore indexes may go backwards: everyone re-evaluates. */
  public void wakeAll() {
    List<Waiter> woken = new ArrayList<>();
    synchronized (lock) {
      for (String key : new ArrayList<>(byKey.keySet())) {
        detach(key, Long.MAX_VALUE, woken);
      }
    }
    complete(woken);
  }

  private void prefixesOf(String key, long index, List<Waiter> woken) {
    List<Integer> lengths = new ArrayList<>(prefixLengths.headMap(key.length(), true).keySet());
    for (int length : lengths) {
      detach(WatchKeys.kvPrefix(key.substring(0, length)), index, woken);
    }
  }

  private static List<String> under(TreeSet<String> names, String prefix) {
    List<String> out = new ArrayList<>();
    for (String name : names.tailSet(prefix, true)) {
      if (!name.startsWith(prefix)) {
        break;
      }
      out.add(name);
    }
    return out;
  }

  /** Moves waiters of key with seen < index into woken; a client ahead of us stays parked. */
  private void detach(String key, long index, List<Waiter> woken) {
    LinkedHashSet<Waiter> set = byKey.get(key);
    if (set == null) {
      return;
    }
    int before = woken.size();
    set.removeIf(
        w -> {
          if (w.seenIndex < index) {
            woken.add(w);
            return true;
          }
          return false;
        });
    count -= woken.size() - before;
    if (set.isEmpty()) {
      byKey.remove(key);
      watched(key, false);
    }
  }

  private void remove(Waiter waiter) {
    synchronized (lock) {
      LinkedHashSet<Waiter> set = byKey.get(waiter.key);
      if (set != null && set.remove(waiter)) {
        count--;
        if (set.isEmpty()) {
          byKey.remove(waiter.key);
          watched(waiter.key, false);
        }
      }
    }
  }

  private static void complete(List<Waiter> woken) {
    for (Waiter w : woken) {
      w.future.complete(null);
    }
  }

  /** Keeps the KV side structures in step with which KV keys have waiters. */
  private void watched(String key, boolean added) {
    if (key.startsWith(WatchKeys.KVKEY)) {
      String k = key.substring(WatchKeys.KVKEY.length());
      if (added) {
        kvKeys.add(k);
      } else {
        kvKeys.remove(k);
      }
    } else if (key.startsWith(WatchKeys.KVPRE)) {
      String p = key.substring(WatchKeys.KVPRE.length());
      if (added) {
        kvPrefixes.add(p);
        prefixLengths.merge(p.length(), 1, Integer::sum);
      } else {
        kvPrefixes.remove(p);
        prefixLengths.merge(p.length(), -1, (a, b) -> a + b == 0 ? null : a + b);
      }
    }
  }
}
