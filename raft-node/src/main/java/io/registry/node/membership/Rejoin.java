package io.registry.node.membership;

import io.registry.node.config.ClusterOptions;
import io.registry.node.raft.NodeLayout;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.Identity;
import io.registry.node.storage.AtomicFiles;
import io.registry.node.storage.LeftMarker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start of a server whose data dir holds the {@code left} marker (membership.md sec. 3,
 * "Rejoin after leave"). Its old Raft log ends with a configuration that no longer lists it,
 * so it comes back as a new peer: the old raft/ moves aside, cluster.json says joining with
 * a fresh peer id and the current voters, and the usual AddServer path makes it a voter.
 * Every step is redone while the marker exists, so a crash in between only repeats them.
 */
final class Rejoin {
  private static final Logger LOG = LoggerFactory.getLogger(Rejoin.class);
  static final String OLD_RAFT_PREFIX = "raft.old-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private Rejoin() {}

  /**
   * Prepares the data dir for a rejoin; does nothing without the marker.
   *
   * @return whether this start is a rejoin (then {@link #completed} once it serves)
   * @throws IllegalStateException nothing to join through, a refusal, or -retry-max silent
   *     rounds ("Failed to join any nodes.")
   */
  static boolean prepare(Path dataDir, NodeLayout layout, ClusterOptions options) {
    if (!LeftMarker.exists(dataDir)) {
      return false;
    }
    ClusterFile old = ClusterFile.load(dataDir);
    Set<String> addresses = new LinkedHashSet<>(options.retryJoin());
    if (options.rejoin() && old != null) {
      old.peers().forEach(p -> addresses.add(p.rpcAddress()));
    }
    addresses.remove(layout.self().serverAddress());
    if (addresses.isEmpty()) {
      // Decided: a Consul server would sit alone waiting for `consul join`; ours opens its
      // HTTP API only once it belongs to a cluster, so it says what to do and stops.
      throw new IllegalStateException("This server left its cluster gracefully ("
          + dataDir.resolve(LeftMarker.FILE_NAME) + ") and has nothing to join: start it with"
          + " -retry-join ADDR to join through ADDR, or with -rejoin to rejoin the servers it"
          + " knew");
    }
    String peerId = UUID.randomUUID().toString();
    LocalServer self = new LocalServer(layout.self().nodeId(), layout.self().nodeName(),
        layout.self().datacenter(), layout.self().serverAddress(), layout.raftAddress(),
        layout.bootstrapExpect());
    Identity me = self.identity(old == null ? "" : old.clusterId(), peerId);
    LOG.info("This server left its cluster before; rejoining through {} as new Raft peer {}",
        addresses, peerId);
    HelloReply reply = contactAny(new ArrayList<>(addresses), me, options);
    moveRaftDirAside(layout.raftDir());
    List<ServerEntry> voters = reply.getServersList().stream().map(ServerEntry::of)
        .filter(s -> !s.nodeId().equals(self.nodeId())).toList();
    new ClusterFile(reply.getResponder().getClusterId(), self.datacenter(), peerId,
        self.bootstrapExpect(), voters, ClusterFile.JOINING).save(dataDir);
    return true;
  }

  /** The server caught up as a voter: the marker and the old Raft state can go. */
  static void completed(Path dataDir) {
    LeftMarker.remove(dataDir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(dataDir, OLD_RAFT_PREFIX + "*")) {
      for (Path p : old) {
        AtomicFiles.deleteRecursively(p);
      }
    } catch (IOException e) {
      LOG.warn("Rejoined, but could not delete the old Raft state: {}", e.toString());
    }
    LOG.info("Rejoined the cluster; removed the left marker");
  }

  private static HelloReply contactAny(List<String> addresses, Identity me,
      ClusterOptions options) {
    RetryBackoff backoff = RetryBackoff.of(options.retryInterval());
    try (RpcClients rpc = new RpcClients()) {
      for (int round = 1; ; round++) {
        for (String address : addresses) {
          try {
            return JoinContact.hello(rpc, me, address);
          } catch (RefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
          } catch (IllegalStateException e) {
            LOG.debug("Rejoin via {}: {}", address, e.getMessage());
          }
        }
        if (options.retryMax() > 0 && round >= options.retryMax()) {
          throw new IllegalStateException("Failed to join any nodes.");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff.next()));
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("rejoin interrupted");
        }
      }
    }
  }

  // Moved, never deleted, until the rejoin succeeded (user-voice #11).
  private static void moveRaftDirAside(Path raftDir) {
    try {
      if (Files.isDirectory(raftDir)) {
        try (var entries = Files.list(raftDir)) {
          if (entries.findAny().isPresent()) {
            Path aside = raftDir.resolveSibling(OLD_RAFT_PREFIX
                + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
            Files.move(raftDir, aside);
            LOG.info("Moved the old Raft state to {}", aside);
          }
        }
      }
      Files.createDirectories(raftDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + raftDir + " aside", e);
    }
  }
}
