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
import java.util.function.Function;

/**
 * Start-up steps of a server of several: Raft elects whoever it elects, so this server
 * writes its rows through the leader once there is one, then waits until its replica caught
 * up with the leader's commit (a ReadIndex round on itself), so it never serves an empty
 * catalog after a restart.
 */
final class ClusteredStart {
  private ClusteredStart() {}

  static void writeUntilAccepted(
      Function<Command, CompletableFuture<ApplyResult>> write, List<Command> commands,
      RaftTuning tuning) {
    long deadline = System.nanoTime() + tuning.startTimeout().toNanos();
    for (Command c : commands) {
      while (true) {
        try {
          ApplyResult r = write.apply(c).get(tuning.startTimeout().toMillis(),
              TimeUnit.MILLISECONDS);
          if (!r.ok()) {
            throw new IllegalStateException("Start-up write rejected: " + r.error());
          }
          break;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(
                "No Raft leader within " + tuning.startTimeout().toSeconds() + " s of start", e);
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

  static void catchUp(CompletableFuture<?> readIndexRound, RaftTuning tuning) {
    try {
      readIndexRound.get(tuning.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Replica did not catch up with the leader", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("start interrupted", e);
    }
  }
}
