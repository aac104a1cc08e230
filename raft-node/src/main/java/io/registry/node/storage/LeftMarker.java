package io.registry.node.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code <data-dir>/left} (membership.md sec. 1): this node left its cluster gracefully. While
 * it exists a restart does not rejoin the remembered servers unless -rejoin
 * (rejoin_after_leave) says so; an explicit join still joins, and success removes it.
 */
public final class LeftMarker {
  public static final String FILE_NAME = "left";

  private LeftMarker() {}

  public static boolean exists(Path dataDir) {
    return dataDir != null && Files.exists(dataDir.resolve(FILE_NAME));
  }

  /** Written only after the leave completed, so a crash mid-leave still rejoins at start. */
  public static void write(Path dataDir, Instant at) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      AtomicFiles.write(file, ("left gracefully at " + at + "\n")
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Called once the node is a member again. */
  public static void remove(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + file, e);
    }
  }
}
