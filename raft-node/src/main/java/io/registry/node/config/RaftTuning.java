package io.registry.node.config;

import java.time.Duration;

/**
 * Ratis knobs that differ between production and tests (see design/ratis.md sec. 5).
 *
 * @param rpcTimeoutMin election timeout lower bound once a leader has been seen
 * @param rpcTimeoutMax election timeout upper bound
 * @param firstElectionTimeoutMin first election after start; short so a one-peer group leads fast
 * @param firstElectionTimeoutMax upper bound of the first election timeout
 * @param snapshotThreshold applied entries since the last snapshot that trigger a new one
 * @param snapshotOnStop whether close() writes a snapshot (false lets tests exercise log replay)
 * @param startTimeout how long a one-server start waits for leadership and self-registration;
 *     a server of several waits as long as it takes, in attempts of this length
 * @param requestTimeout client request timeout for one attempt
 * @param maxCommandBytes encoded commands above this are rejected before reaching Ratis
 */
public record RaftTuning(
    Duration rpcTimeoutMin,
    Duration rpcTimeoutMax,
    Duration firstElectionTimeoutMin,
    Duration firstElectionTimeoutMax,
    long snapshotThreshold,
    boolean snapshotOnStop,
    Duration startTimeout,
    Duration requestTimeout,
    int maxCommandBytes) {

  /** 3 MiB: well below Ratis's 4 MiB appender limit, whose breach makes the leader step down. */
  public static final int DEFAULT_MAX_COMMAND_BYTES = 3 * 1024 * 1024;

  public RaftTuning {
    if (rpcTimeoutMin.compareTo(rpcTimeoutMax) > 0
        || firstElectionTimeoutMin.compareTo(firstElectionTimeoutMax) > 0) {
      throw new IllegalArgumentException("timeout min above max");
    }
    if (snapshotThreshold < 1 || maxCommandBytes < 1) {
      throw new IllegalArgumentException("snapshotThreshold and maxCommandBytes must be positive");
    }
  }

  /** Production values: 1-2 s election timeouts, first election 50-100 ms, snapshots every 10000. */
  public static RaftTuning defaults() {
    return new RaftTuning(
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        10_000,
        true,
        Duration.ofSeconds(30),
        Duration.ofSeconds(3),
        DEFAULT_MAX_COMMAND_BYTES);
  }

  public RaftTuning withSnapshotThreshold(long threshold) {
    return new RaftTuning(rpcTimeoutMin, rpcTimeoutMax, firstElectionTimeoutMin,
        firstElectionTimeoutMax, threshold, snapshotOnStop, startTimeout, requestTimeout,
        maxCommandBytes);
  }

  public RaftTuning withSnapshotOnStop(boolean onStop) {
    return new RaftTuning(rpcTimeoutMin, rpcTimeoutMax, firstElectionTimeoutMin,
        firstElectionTimeoutMax, snapshotThreshold, onStop, startTimeout, requestTimeout,
        maxCommandBytes);
  }
}
