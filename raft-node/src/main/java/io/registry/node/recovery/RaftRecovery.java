package io.registry.node.recovery;

import io.registry.node.membership.ClusterFile;
import io.registry.node.membership.ServerEntry;
import io.registry.node.storage.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * {@code registry operator raft recover} (membership.md sec. 3 "Quorum lost for good"): on a
 * stopped server, makes the given peers the Raft configuration of its group.
 *
 * <p>Ratis starts from the configuration with the highest log index among raft-meta.conf and
 * every configuration entry in the log segments (ServerState.initialize, then
 * SegmentedRaftLog.open replaying each entry into ConfigurationManager, whose current conf
 * is the last of an index-keyed map). ratis-shell's {@code local raftMetaConf} writes the
 * meta file's index + 1, which loses to any conf entry later in the log, and every new
 * leader appends one. So the entry written here sits one above everything the storage holds:
 * log, log conf entries, meta file and snapshot. When this server then leads, its startup
 * conf entry lands on that same index with the same peers, which Ratis accepts as equal.
 * Nothing is deleted: the old raft-meta.conf and cluster.json are kept beside the new ones.
 */
public final class RaftRecovery {
  /** One peer of the new configuration: its Raft peer id and Raft address (host:port). */
  public record Peer(String id, String raftAddress) {
    public Peer {
      if (id == null || id.isBlank() || raftAddress == null || !raftAddress.matches(".+:\\d+")) {
        throw new IllegalArgumentException("Invalid peer \"" + id + "=" + raftAddress
            + "\": expected id=host:raftport");
      }
    }
  }

  private RaftRecovery() {
  }

  /** Parses {@code id=host:port,id=host:port}; duplicates and bad entries are refused. */
  public static List<Peer> parsePeers(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("-peers is required: id=host:raftport,...");
    }
    List<Peer> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : spec.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Invalid peer \"" + item + "\": expected id=host:raftport");
      }
      Peer p = new Peer(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
      if (!seen.add(p.id()) || !seen.add("@" + p.raftAddress())) {
        throw new IllegalArgumentException("Duplicate peer id or address in \"" + item + "\"");
      }
      out.add(p);
    }
    return out;
  }

  /**
   * Rewrites the conf of the server whose data dir this is; {@code stamp} names the backups.
   * Returns the lines to print.
   *
   * @throws IllegalArgumentException not a cluster server's data dir, or it is not in peers
   * @throws IllegalStateException the server is running (Ratis holds its storage lock)
   */
  public static List<String> run(Path dataDir, List<Peer> peers, String stamp) throws IOException {
    ClusterFile cluster = ClusterFile.load(dataDir);
    if (cluster == null) {
      throw new IllegalArgumentException("no " + ClusterFile.FILE_NAME + " in " + dataDir
          + ": this data dir never formed or joined a cluster");
    }
    Path groupDir = dataDir.resolve("raft").resolve(cluster.groupId().getUuid().toString());
    if (!Files.isDirectory(groupDir.resolve("current"))) {
      throw new IllegalArgumentException("raft state missing: " + groupDir.resolve("current"));
    }
    if (peers.stream().noneMatch(p -> p.id().equals(cluster.raftPeerId()))) {
      throw new IllegalArgumentException("-peers must include this server, raft peer id "
          + cluster.raftPeerId());
    }
    List<String> report = new ArrayList<>();
    Path lockFile = groupDir.resolve("in_use.lock");
    boolean created = !Files.exists(lockFile);
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(ch);
      if (lock == null) {
        throw new IllegalStateException("the server using " + dataDir + " is running (Raft "
            + "storage " + groupDir + " is locked); stop it first");
      }
      try {
        RaftLogScan scan = RaftLogScan.of(groupDir);
        report.add("Raft log: last index " + scan.lastLogIndex() + " (term " + scan.lastLogTerm()
            + "), last configuration entry at " + scan.lastConfIndex() + "; raft-meta.conf at "
            + scan.metaConfIndex() + "; snapshot at " + scan.snapshotIndex());
        long index = scan.highestIndex() + 1;
        Path meta = groupDir.resolve("current").resolve(RaftLogScan.META_CONF);
        report.add(backup(meta, stamp));
        AtomicFiles.write(meta, confEntry(peers, index, scan.lastLogTerm()).toByteArray());
        report.add("Wrote " + meta + " at index " + index + " with peers " + describe(peers));
        Path json = dataDir.resolve(ClusterFile.FILE_NAME);
        report.add(backup(json, stamp));
        rewritePeers(cluster, peers).save(dataDir);
        report.add("Rewrote the peers in " + json);
      } finally {
        lock.release();
      }
    } finally {
      if (created) {
        Files.deleteIfExists(lockFile);
      }
    }
    return report;
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held in this JVM: an in-process server
    }
  }

  private static String backup(Path file, String stamp) throws IOException {
    if (!Files.exists(file)) {
      return "No " + file + " to back up";
    }
    Path copy = file.resolveSibling(file.getFileName() + ".before-recover-" + stamp);
    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
    return "Kept the previous " + file.getFileName() + " as " + copy;
  }

  static LogEntryProto confEntry(List<Peer> peers, long index, long term) {
    RaftConfigurationProto.Builder conf = RaftConfigurationProto.newBuilder();
    for (Peer p : peers) {
      conf.addPeers(RaftPeerProto.newBuilder()
          .setId(ByteString.copyFrom(p.id(), StandardCharsets.UTF_8))
          .setAddress(p.raftAddress())
          .setStartupRole(RaftPeerRole.FOLLOWER));
    }
    return LogEntryProto.newBuilder().setTerm(term).setIndex(index)
        .setConfigurationEntry(conf).build();
  }

  // Known servers keep their node-id, name and RPC address; a new address replaces the old.
  private static ClusterFile rewritePeers(ClusterFile f, List<Peer> peers) {
    List<ServerEntry> entries = new ArrayList<>();
    for (Peer p : peers) {
      ServerEntry old = f.peers().stream().filter(e -> e.raftPeerId().equals(p.id()))
          .findFirst().orElse(null);
      entries.add(old == null ? new ServerEntry("", "", "", p.raftAddress(), p.id())
          : new ServerEntry(old.nodeId(), old.name(), old.rpcAddress(), p.raftAddress(), p.id()));
    }
    return new ClusterFile(f.clusterId(), f.datacenter(), f.raftPeerId(), f.bootstrapExpect(),
        entries, ClusterFile.MEMBER);
  }

  private static String describe(List<Peer> peers) {
    return String.join(",", peers.stream().map(p -> p.id() + "=" + p.raftAddress()).toList());
  }
}
