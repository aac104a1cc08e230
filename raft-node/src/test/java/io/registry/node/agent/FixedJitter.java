package io.registry.node.agent;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same delay (capped below the bound). */
final class FixedJitter implements RandomGenerator {
  private final long value;

  FixedJitter(long value) {
    this.value = value;
  }

  @Override
  public long nextLong() {
    return value;
  }

  @Override
  public long nextLong(long bound) {
    return Math.min(value, bound - 1);
  }
}
