package io.registry.node.raft;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Moving a future's completion onto our own executor. */
final class Futures {
  private Futures() {}

  /**
   * A future completed like {@code source} but on {@code executor}. The catalog completes
   * waiters on the apply thread: hopping off it means a caller's continuation can never stall
   * Raft apply. Cancelling the returned future cancels the source (removing its waiter).
   */
  static <T> CompletableFuture<T> completeOn(CompletableFuture<T> source, Executor executor) {
    CompletableFuture<T> out = new CompletableFuture<>();
    source.whenCompleteAsync(
        (v, err) -> {
          if (err != null) {
            out.completeExceptionally(err);
          } else {
            out.complete(v);
          }
        },
        executor);
    out.whenComplete((v, err) -> {
      if (out.isCancelled()) {
        source.cancel(false);
      }
    });
    return out;
  }
}
