package io.registry.catalog.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one apply changed: the book keys it bumped and the KV keys and trees it wrote. The
 * keys bumped are exactly the keys signalled (catalog.md sec. 4), so both go through here.
 */
public final class Changes {
  private final long index;
  private final IndexBook book;
  private final TreeSet<String> keys = new TreeSet<>();
  private final List<String> kvKeys = new ArrayList<>();
  private final List<String> kvTrees = new ArrayList<>();
  private final List<String> kvRemoved = new ArrayList<>();

  public Changes(long index, IndexBook book) {
    this.index = index;
    this.book = book;
  }

  /** A change that moved nothing (skip, no-op writes). */
  public static Changes none(long index) {
    return new Changes(index, new IndexBook());
  }

  public long index() {
    return index;
  }

  public void bump(String key) {
    book.bump(key, index);
    keys.add(key);
  }

  /** KV key written or deleted: table:kv moves; the key and its watched prefixes wake. */
  public void kvKey(String key) {
    kvKeys.add(key);
    bump(WatchKeys.KV);
  }

  /**
   * KV key deleted: as a write, and its tombstone is an ancestor of longer watched prefixes
   * (whose index counts ancestor tombstones), so those wake too.
   */
  public void kvRemoved(String key) {
    kvRemoved.add(key);
    kvKey(key);
  }

  /** Keys under a prefix deleted: everything watched under it wakes too. */
  public void kvTree(String prefix) {
    kvTrees.add(prefix);
    bump(WatchKeys.KV);
  }

  public Set<String> keys() {
    return Collections.unmodifiableSet(keys);
  }

  public List<String> kvKeys() {
    return Collections.unmodifiableList(kvKeys);
  }

  public List<String> kvTrees() {
    return Collections.unmodifiableList(kvTrees);
  }

  public List<String> kvRemoved() {
    return Collections.unmodifiableList(kvRemoved);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }
}
