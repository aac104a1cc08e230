package io.registry.node.membership;

import com.google.protobuf.ByteString;
import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.KvSet;
import io.registry.catalog.model.KvEntry;
import java.nio.charset.StandardCharsets;

/** KV commands and reads for cluster tests. */
final class Kv {
  private Kv() {}

  static Command set(String key, String value) {
    return Command.newBuilder()
        .setKvSet(KvSet.newBuilder().setKey(key)
            .setValue(ByteString.copyFrom(value, StandardCharsets.UTF_8)))
        .build();
  }

  static String get(Catalog catalog, String key) {
    KvEntry e = catalog.kvGet(key).value();
    return e == null || e.value() == null ? null : new String(e.value(), StandardCharsets.UTF_8);
  }
}
