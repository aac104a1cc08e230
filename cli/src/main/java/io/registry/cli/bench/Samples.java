package io.registry.cli.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in nanoseconds, added by one thread each, merged and summarised at the end. */
final class Samples {
  private long[] values = new long[1024];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  void addAll(Samples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  int size() {
    return size;
  }

  /** Nearest-rank percentile (0 < p <= 100) in nanoseconds; 0 when empty. */
  long percentile(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)];
  }

  long min() {
    return size == 0 ? 0 : Arrays.stream(values, 0, size).min().getAsLong();
  }

  long median() {
    return percentile(50);
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
