package io.registry.grpc.resolver;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delays with jitter, so many clients that lost the same registry do
 * not come back in lockstep. Not thread-safe: the resolver uses it from its
 * synchronization context only.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  /** The delay before the next attempt, before jitter. */
  private Duration next;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** The delay before the next attempt; each call doubles the following one, up to max. */
  Duration nextDelay() {
    Duration base = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    // Jitter in [0.8, 1.2) of the base.
    double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (base.toNanos() * factor));
  }

  /** A stream that delivered an answer worked: start from the initial delay again. */
  void reset() {
    next = initial;
  }
}
