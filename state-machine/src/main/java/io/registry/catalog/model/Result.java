package io.registry.catalog.model;

/**
 * A query answer: the value, the index it depends on (X-Consul-Index, never 0), and the
 * watch key a blocking query parks on to learn that this answer may have changed.
 */
public record Result<T>(T value, long index, String watchKey) {
  public Result {
    index = Math.max(index, 1);
  }
}
