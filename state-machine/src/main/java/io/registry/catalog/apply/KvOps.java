package io.registry.catalog.apply;

import io.registry.catalog.command.KvCas;
import io.registry.catalog.command.KvDelete;
import io.registry.catalog.command.KvDeleteTree;
import io.registry.catalog.command.KvSet;
import io.registry.catalog.index.Changes;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.table.KvTable;
import io.registry.catalog.table.Tables;
import com.google.protobuf.ByteString;

/**
 * KV writes with Consul's answers [C state/kvs.go]: true/false literals, no-op on an equal
 * row, a tombstone per deleted key and one per deleted tree.
 */
final class KvOps {
  static final String MISSING_KEY = "Missing key name";

  private KvOps() {}

  static void set(Tables tables, Changes changes, KvSet command) {
    write(tables.kv(), changes, command.getKey(), command.getValue(), command.getFlags());
  }

  /** cas 0: create only if absent; cas n: only if ModifyIndex == n. */
  static boolean cas(Tables tables, Changes changes, KvCas command) {
    KvEntry old = tables.kv().get(command.getKey());
    long cas = command.getCas();
    boolean matches = cas == 0 ? old == null : old != null && old.modifyIndex() == cas;
    if (!matches) {
      return false;
    }
    write(tables.kv(), changes, command.getKey(), command.getValue(), command.getFlags());
    return true;
  }

  /** Absent key: true, nothing moves (also with cas). CAS mismatch: false. */
  static boolean delete(Tables tables, Changes changes, KvDelete command) {
    KvEntry old = tables.kv().get(command.getKey());
    if (old == null) {
      return true;
    }
    if (command.hasCas() && old.modifyIndex() != command.getCas()) {
      return false;
    }
    tables.kv().delete(command.getKey(), changes.index());
    changes.kvRemoved(command.getKey());
    return true;
  }

  static void deleteTree(Tables tables, Changes changes, KvDeleteTree command) {
    if (tables.kv().deleteTree(command.getPrefix(), changes.index()) > 0) {
      changes.kvTree(command.getPrefix());
    }
  }

  /** Upsert that keeps the lock holder and LockIndex; an equal row moves nothing. */
  private static void write(KvTable kv, Changes changes, String key, ByteString value, long flags) {
    KvEntry old = kv.get(key);
    byte[] bytes = value.isEmpty() ? null : value.toByteArray();
    KvEntry next =
        new KvEntry(
            key,
            bytes,
            flags,
            old == null ? null : old.session(),
            old == null ? 0 : old.lockIndex(),
            old == null ? changes.index() : old.createIndex(),
            changes.index());
    if (old != null && KvTable.sameContent(old, next)) {
      return;
    }
    kv.put(next);
    changes.kvKey(key);
  }
}
