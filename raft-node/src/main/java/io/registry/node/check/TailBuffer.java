package io.registry.node.check;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the last max bytes written to it and counts all of them: a script's output is
 * judged by its end (the error usually comes last), and Consul says how much was cut.
 * Written by one reader thread, read after that thread ended (or under the same monitor).
 */
final class TailBuffer {
  private final byte[] ring;
  /** Bytes written in total. */
  private long total;

  TailBuffer(int max) {
    this.ring = new byte[Math.max(0, max)];
  }

  synchronized void write(byte[] b, int off, int len) {
    for (int i = 0; i < len && ring.length > 0; i++) {
      ring[(int) ((total + i) % ring.length)] = b[off + i];
    }
    total += len;
  }

  /** The kept bytes, prefixed "Captured N of M bytes\n...\n" when some were dropped. */
  synchronized String text() {
    int kept = (int) Math.min(total, ring.length);
    byte[] out = new byte[kept];
    long start = total - kept;
    for (int i = 0; i < kept; i++) {
      out[i] = ring[(int) ((start + i) % ring.length)];
    }
    String tail = new String(out, StandardCharsets.UTF_8);
    return total > kept ? "Captured " + kept + " of " + total + " bytes\n...\n" + tail : tail;
  }
}
