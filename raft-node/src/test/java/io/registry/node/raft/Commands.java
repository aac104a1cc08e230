package io.registry.node.raft;

import com.google.protobuf.ByteString;
import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.KvSet;
import io.registry.catalog.model.KvEntry;
import java.nio.charset.StandardCharsets;

/** Small builders shared by the node tests. */
final class Commands {
  private Commands() {}

  static Command kvSet(String key, String value) {
    return kvSet(key, value.getBytes(StandardCharsets.UTF_8));
  }

  static Command kvSet(String key, byte[] value) {
    return Command.newBuilder()
        .setKvSet(KvSet.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)))
        .build();
  }

  /** The value of a key as text, or null when the key is absent. */
  static String kvValue(Catalog catalog, String key) {
    KvEntry e = catalog.kvGet(key).value();
    return e == null || e.value() == null ? null : new String(e.value(), StandardCharsets.UTF_8);
  }
}
