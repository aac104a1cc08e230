package io.registry.node.membership;

import io.registry.node.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code <data-dir>/bootstrap-promise}: the node-id of the proposer this server promised to,
 * kept across restarts so a promise stays exclusive until released or committed.
 */
final class PromiseStore {
  static final String FILE_NAME = "bootstrap-promise";
  private final Path file;

  PromiseStore(Path dataDir) {
    this.file = dataDir.resolve(FILE_NAME);
  }

  /** The proposer promised to, "" when none. */
  String proposer() {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  void promise(String proposerNodeId) {
    try {
      AtomicFiles.write(file, proposerNodeId.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }
}
