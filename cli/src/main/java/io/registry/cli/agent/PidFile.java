package io.registry.cli.agent;

import io.registry.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** -pid-file: written whole (temp file + rename) so a reader never sees half a number. */
final class PidFile {
  private PidFile() {}

  static void write(Path file, long pid) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".registry-pid", ".tmp");
      Files.writeString(tmp, Long.toString(pid), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException("==> Could not write pid file " + file + ": " + e.getMessage());
    }
  }

  static void remove(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort at shutdown: a stale pid file is harmless, a failing hook is not
    }
  }
}
