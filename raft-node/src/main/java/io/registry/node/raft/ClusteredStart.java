package io.registry.node.raft;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.config.RaftTuning;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up steps of a server of several: Raft elects whoever it elects, so this server
 * writes its rows through the leader once there is one, then waits until its replica caught
 * up with the leader's commit (a ReadIndex round on itself), so it never serves an empty
 * catalog after a restart.
 *
 * <p>There is no deadline: after a full cluster stop the servers come back one by one, maybe
 * minutes apart, and the first must wait for a quorum rather than give up (a Consul server
 * waits too). The wait ends with the leader, or when the node is closed.
 */
final class ClusteredStart {
  private static final Logger LOG = LoggerFactory.getLogger(ClusteredStart.class);
  private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private ClusteredStart() {}

  /** Both steps: the start-up writes through the leader, then the catch-up round. */
  static void run(
      Function<Command, CompletableFuture<ApplyResult>> write, List<Command> commands,
      Supplier<CompletableFuture<?>> readIndexRound, RaftTuning tuning, BooleanSupplier closed) {
    writeUntilAccepted(write, commands, tuning, closed);
    catchUp(readIndexRound, tuning, closed);
  }

  static void writeUntilAccepted(
      Function<Command, CompletableFuture<ApplyResult>> write, List<Command> commands,
      RaftTuning tuning, BooleanSupplier closed) {
    long start = System.nanoTime();
    long nextReport = start + REPORT_EVERY_NANOS;
    for (Command c : commands) {
      while (true) {
        requireOpen(closed);
        try {
          ApplyResult r = write.apply(c).get(tuning.startTimeout().toMillis(),
              TimeUnit.MILLISECONDS);
          if (!r.ok()) {
            throw new IllegalStateException("Start-up write rejected: " + r.error());
          }
          break;
        } catch (ExecutionException | TimeoutException e) {
          long now = System.nanoTime();
          if (now - nextReport > 0) {
            LOG.info("No cluster leader yet after {} s; waiting for a quorum of servers",
                TimeUnit.NANOSECONDS.toSeconds(now - start));
            nextReport = now + REPORT_EVERY_NANOS;
          }
          // No leader yet (election under way): the client already retried for ~2 s.
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("start interrupted", e);
        }
      }
    }
  }

  /** Waits for a ReadIndex round on this replica; retried while no leader answers it. */
  static void catchUp(
      Supplier<CompletableFuture<?>> readIndexRound, RaftTuning tuning, BooleanSupplier closed) {
    while (true) {
      requireOpen(closed);
      try {
        readIndexRound.get().get(tuning.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        LOG.info("Replica not caught up with the leader yet ({}); retrying", e.toString());
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("start interrupted", e);
      }
    }
  }

  private static void requireOpen(BooleanSupplier closed) {
    if (closed.getAsBoolean()) {
      throw new IllegalStateException("node closed during start");
    }
  }
}
