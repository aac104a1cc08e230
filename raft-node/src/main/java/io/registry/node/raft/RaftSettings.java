package io.registry.node.raft;

import io.registry.node.config.RaftTuning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/** Builds RaftProperties from our settings; every value here is explained in ratis.md sec. 5. */
final class RaftSettings {
  private RaftSettings() {}

  static RaftProperties properties(RaftTuning tuning, Path storageDir, String bindHost, int port) {
    RaftProperties p = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
    GrpcConfigKeys.Server.setHost(p, bindHost);
    GrpcConfigKeys.Server.setPort(p, port);

    RaftServerConfigKeys.Rpc.setTimeoutMin(p, td(tuning.rpcTimeoutMin()));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, td(tuning.rpcTimeoutMax()));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, td(tuning.firstElectionTimeoutMin()));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, td(tuning.firstElectionTimeoutMax()));

    // ReadIndex reads for ?consistent; without it sendReadOnly is not linearizable.
    RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);

    // Default is no automatic snapshot at all, so the log would grow forever.
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, tuning.snapshotThreshold());
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
    RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(p, tuning.snapshotOnStop());
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);

    // Acknowledge only fsynced entries: a restart must recover every acknowledged write.
    RaftServerConfigKeys.Log.setUnsafeFlushEnabled(p, false);
    RaftServerConfigKeys.Log.setAsyncFlushEnabled(p, false);

    RaftClientConfigKeys.Rpc.setRequestTimeout(p, td(tuning.requestTimeout()));
    return p;
  }

  static TimeDuration td(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
