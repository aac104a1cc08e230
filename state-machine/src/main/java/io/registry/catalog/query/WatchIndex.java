package io.registry.catalog.query;

import io.registry.catalog.index.WatchKeys;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.table.Tables;

/**
 * The current index of a watch key, as the query that handed out the key would report it.
 * A waiter parks while this is not above its seen index. Caller holds the read lock.
 */
public final class WatchIndex {
  private WatchIndex() {}

  public static long of(Tables tables, String key) {
    if (key.startsWith(WatchKeys.KVKEY)) {
      KvEntry entry = tables.kv().get(key.substring(WatchKeys.KVKEY.length()));
      return entry != null ? entry.modifyIndex() : tables.book().get(WatchKeys.KV);
    }
    if (key.startsWith(WatchKeys.KVPRE)) {
      return kvPrefix(tables, key.substring(WatchKeys.KVPRE.length()));
    }
    if (key.startsWith(WatchKeys.SVC)) {
      return orTable(tables, key, WatchKeys.SERVICES);
    }
    if (key.startsWith(WatchKeys.NODE)) {
      return orTable(tables, key, WatchKeys.NODES);
    }
    return tables.book().get(key);
  }

  /** Rows and tombstones under p; an absent prefix (or "") answers the KV table's index. */
  static long kvPrefix(Tables tables, String prefix) {
    if (prefix.isEmpty() || !tables.kv().present(prefix)) {
      return tables.book().get(WatchKeys.KV);
    }
    return tables.kv().prefixIndex(prefix);
  }

  /** An emptied resource has no book row: its removal is in the table's index. */
  private static long orTable(Tables tables, String key, String table) {
    return tables.book().has(key) ? tables.book().get(key) : tables.book().get(table);
  }
}
