package io.registry.node.membership;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait between join attempts (membership.md sec. 2): doubling from the first delay up to
 * -retry-interval, each wait spread by +-20 % so that servers started together do not hello
 * in lock step. The first delay is a twentieth of the cap, at most 1 s: 1 s with Consul's
 * 30 s default, 100 ms with the 2 s of the test timings (ClusterOptions has no own knob).
 * Not thread-safe: one per join loop.
 */
public final class RetryBackoff {
  private static final Duration MAX_FIRST = Duration.ofSeconds(1);
  private final long capMillis;
  // Uniform in [0, 1): injected so tests see exact waits.
  private final DoubleSupplier random;
  private long nextMillis;

  public RetryBackoff(Duration cap, DoubleSupplier random) {
    if (cap == null || cap.isNegative() || cap.isZero()) {
      throw new IllegalArgumentException("retry interval must be positive: " + cap);
    }
    this.capMillis = cap.toMillis();
    this.random = random;
    this.nextMillis = Math.max(1, Math.min(MAX_FIRST.toMillis(), capMillis / 20));
  }

  /** Real randomness. */
  public static RetryBackoff of(Duration cap) {
    return new RetryBackoff(cap, Math::random);
  }

  /** The next wait in milliseconds, jittered; the base doubles up to the cap. */
  public long next() {
    long base = nextMillis;
    nextMillis = Math.min(base * 2, capMillis);
    double factor = 0.8 + 0.4 * random.getAsDouble();
    return Math.max(1, Math.round(base * factor));
  }
}
