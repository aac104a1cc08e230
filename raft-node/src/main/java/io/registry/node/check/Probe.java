package io.registry.node.check;

import java.util.concurrent.CompletableFuture;

/**
 * One check's probe. run starts a probe and must not block the calling (scheduler) thread:
 * blocking work goes to a virtual thread, network I/O stays asynchronous. The future never
 * completes exceptionally in a well-behaved probe; the runner still maps a failure to critical.
 */
public interface Probe extends AutoCloseable {
  CompletableFuture<CheckResult> run();

  /** Releases what the probe holds (a gRPC channel); the default holds nothing. */
  @Override
  default void close() {}
}
