package io.registry.node.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The node ID: a UUID kept in {@code <dataDir>/node-id} so that it (and with it the Raft peer
 * id) survives restarts. A changed ID would make the node a stranger to its own Raft group.
 */
public final class NodeIdStore {
  public static final String FILE_NAME = "node-id";

  private NodeIdStore() {}

  /**
   * Returns the node ID for a data dir: the configured one if given (persisted when the file
   * is missing), else the persisted one, else a new random UUID, persisted before returning.
   *
   * @throws IllegalArgumentException when the configured ID differs from the persisted one
   */
  public static String resolve(Path dataDir, String configured) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      String stored = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
      String wanted = configured == null ? "" : configured.strip();
      if (!wanted.isEmpty()) {
        if (!stored.isEmpty() && !stored.equalsIgnoreCase(wanted)) {
          throw new IllegalArgumentException(
              "node-id " + wanted + " differs from " + stored + " stored in " + file
                  + "; a server cannot change its ID on an existing data dir");
        }
        if (stored.isEmpty()) {
          AtomicFiles.write(file, wanted.getBytes(StandardCharsets.UTF_8));
        }
        return wanted;
      }
      if (!stored.isEmpty()) {
        return stored;
      }
      String fresh = UUID.randomUUID().toString();
      AtomicFiles.write(file, fresh.getBytes(StandardCharsets.UTF_8));
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file, e);
    }
  }
}
