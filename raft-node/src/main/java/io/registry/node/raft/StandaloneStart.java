package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.InitCluster;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.config.RaftTuning;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Start-up steps of a one-peer group (-dev, -bootstrap-expect=1 without -retry-join): it
 * elects itself, so wait for that, then write the cluster ID (once) and this node's rows.
 * A server of several starts through {@link ClusteredStart} instead.
 */
final class StandaloneStart {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private StandaloneStart() {}

  static void run(
      BooleanSupplier leaderReady,
      Catalog catalog,
      Function<Command, CompletableFuture<ApplyResult>> write,
      NodeLayout layout,
      RaftTuning tuning) {
    long deadline = System.nanoTime() + tuning.startTimeout().toNanos();
    while (!leaderReady.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "No Raft leader within " + tuning.startTimeout().toSeconds() + " s of start");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    // Leader ready means its start-up entry is applied, so the whole log has been replayed
    // and clusterId reflects everything recovered.
    if (catalog.clusterId().isEmpty()) {
      await(write, Command.newBuilder()
          .setInitCluster(InitCluster.newBuilder().setClusterId(UUID.randomUUID().toString()))
          .build(), "InitCluster", tuning);
    }
    for (Command c : SelfRegistration.commands(layout.self(), layout.serverPort())) {
      await(write, c, "self-registration", tuning);
    }
  }

  private static void await(
      Function<Command, CompletableFuture<ApplyResult>> write,
      Command command,
      String what,
      RaftTuning tuning) {
    try {
      ApplyResult r =
          write.apply(command).get(tuning.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!r.ok()) {
        throw new IllegalStateException(what + " rejected: " + r.error());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " not applied within " + tuning.startTimeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }
}
