package io.registry.cli;

import java.io.PrintStream;

/**
 * Where a verb writes. Streams rather than writers, because `kv get` prints stored bytes
 * as they are, and tests hand in their own buffers.
 */
public record Console(PrintStream out, PrintStream err) {
  public static Console system() {
    return new Console(System.out, System.err);
  }
}
