package io.registry.node.recovery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.server.RaftServerConfigKeys.Log.CorruptionPolicy;
import org.apache.ratis.server.raftlog.segmented.LogSegment;
import org.apache.ratis.server.raftlog.segmented.LogSegmentPath;
import org.apache.ratis.util.SizeInBytes;

/**
 * What a stopped server's Raft storage holds, read the way Ratis reads it at start: the log
 * segments of {@code current/} (every configuration entry in them is replayed into the
 * configuration manager, the highest index winning), the snapshot index in {@code sm/}, and
 * {@code raft-meta.conf}. Reads only.
 *
 * @param lastLogIndex the last entry in the log segments, -1 if none
 * @param lastLogTerm its term, 0 if none
 * @param lastConfIndex the last configuration entry in the log segments, -1 if none
 * @param metaConfIndex the index of the entry in raft-meta.conf, -1 if absent
 * @param snapshotIndex the newest snapshot's index, -1 if none
 */
public record RaftLogScan(long lastLogIndex, long lastLogTerm, long lastConfIndex,
    long metaConfIndex, long snapshotIndex) {

  static final String META_CONF = "raft-meta.conf";
  // Our state machine's snapshots: SimpleStateMachineStorage's snapshot.<term>_<index>.
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  // Ratis refuses entries above its appender buffer; anything this large is corruption.
  private static final SizeInBytes MAX_ENTRY = SizeInBytes.valueOf("64MB");

  /** The highest index any of the four sources knows: a new conf entry goes above it. */
  public long highestIndex() {
    return Math.max(Math.max(lastLogIndex, lastConfIndex), Math.max(metaConfIndex, snapshotIndex));
  }

  /**
   * Scans {@code groupDir} (raft/<group-uuid>). A torn or corrupt segment fails the scan, as
   * it would fail Ratis's own start.
   */
  static RaftLogScan of(Path groupDir) throws IOException {
    Path current = groupDir.resolve("current");
    long[] last = {-1, 0, -1};
    try (DirectoryStream<Path> files = Files.newDirectoryStream(current, "log_*")) {
      for (Path file : files) {
        // matchLogSegment deletes an empty open segment; skip those, we change nothing.
        if (Files.size(file) == 0) {
          continue;
        }
        LogSegmentPath segment = LogSegmentPath.matchLogSegment(file);
        if (segment == null) {
          continue;
        }
        LogSegment.readSegmentFile(file.toFile(), segment.getStartEnd(), MAX_ENTRY,
            CorruptionPolicy.EXCEPTION, null, e -> {
              if (e.getIndex() > last[0]) {
                last[0] = e.getIndex();
                last[1] = e.getTerm();
              }
              if (e.hasConfigurationEntry()) {
                last[2] = Math.max(last[2], e.getIndex());
              }
            });
      }
    }
    return new RaftLogScan(last[0], last[1], last[2], metaConf(current), snapshotIndex(groupDir));
  }

  private static long metaConf(Path current) throws IOException {
    Path file = current.resolve(META_CONF);
    if (!Files.exists(file)) {
      return -1;
    }
    try (var in = Files.newInputStream(file)) {
      return LogEntryProto.newBuilder().mergeFrom(in).build().getIndex();
    }
  }

  private static long snapshotIndex(Path groupDir) throws IOException {
    Path sm = groupDir.resolve("sm");
    long best = -1;
    if (!Files.isDirectory(sm)) {
      return best;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sm)) {
      for (Path f : files) {
        Matcher m = SNAPSHOT.matcher(f.getFileName().toString());
        if (m.matches()) {
          best = Math.max(best, Long.parseLong(m.group(2)));
        }
      }
    }
    return best;
  }
}
