package io.registry.node.raft;

import io.registry.node.api.Member;
import io.registry.node.api.NodeIdentity;
import io.registry.node.config.NodeConfig;
import io.registry.node.storage.AtomicFiles;
import io.registry.node.storage.NodeIdStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Everything a node decides once at start from its config: identity, directories, ports,
 * Raft peer and group. A value; the only side effects are in {@link #resolve}.
 *
 * @param tempDir the dev node's temp dir, deleted on close; null for a server
 * @param agentDir where the local agent persists its state; null in dev mode
 */
public record NodeLayout(
    NodeIdentity self,
    Path tempDir,
    Path raftDir,
    Path agentDir,
    String raftBindHost,
    int raftPort,
    int serverPort,
    boolean devMode,
    int bootstrapExpect,
    RaftPeerId peerId,
    RaftGroup group,
    RaftGroup clientGroup) {

  public static final String VERSION = "0.1.0";

  /** Picks ports, reads or creates the node ID, creates directories. */
  public static NodeLayout resolve(NodeConfig config) {
    requireSupported(config);
    String bind = config.bindAddress() == null || config.bindAddress().isBlank()
        ? "127.0.0.1" : config.bindAddress();
    String advertise = NodeAddresses.advertise(bind);
    int raftPort = NodeAddresses.portOrFree(bind, config.raftPort());
    int serverPort = NodeAddresses.portOrFree(bind, config.serverPort());
    Path tempDir = null;
    Path base;
    String nodeId;
    try {
      if (config.dev()) {
        tempDir = Files.createTempDirectory("registry-dev-");
        base = tempDir;
        nodeId = blank(config.nodeId()) ? UUID.randomUUID().toString() : config.nodeId().strip();
      } else {
        base = config.dataDir();
        Files.createDirectories(base);
        nodeId = NodeIdStore.resolve(base, config.nodeId());
      }
      Path raftDir = Files.createDirectories(base.resolve("raft"));
      Path agentDir = config.dev() ? null : base.resolve("local");
      NodeIdentity self =
          new NodeIdentity(
              config.nodeName(),
              nodeId,
              config.datacenter(),
              advertise,
              advertise + ":" + serverPort,
              true,
              config.nodeMeta(),
              VERSION);
      // The peer id is the node ID, so it is as stable across restarts as the node-id file.
      RaftPeerId peerId = RaftPeerId.valueOf(nodeId);
      RaftPeer peer =
          RaftPeer.newBuilder().setId(peerId).setAddress(advertise + ":" + raftPort).build();
      RaftGroup group = RaftGroup.valueOf(groupId(config.datacenter()), peer);
      return new NodeLayout(self, tempDir, raftDir, agentDir, bind, raftPort, serverPort,
          config.dev(), Math.max(1, config.bootstrapExpect()), peerId, group, group);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tempDir);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot prepare data dir", io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * The same node in a multi-server group: the peer id and groups agreed by the membership
   * layer (cluster.json) replace the one-peer defaults.
   */
  public NodeLayout withRaft(RaftPeerId raftPeerId, RaftGroup serverGroup, RaftGroup clients) {
    return new NodeLayout(self, tempDir, raftDir, agentDir, raftBindHost, raftPort, serverPort,
        devMode, bootstrapExpect, raftPeerId, serverGroup, clients);
  }

  /** A server that forms or joins a cluster of several servers (membership layer). */
  public static boolean clustered(NodeConfig config) {
    return !config.dev() && config.server()
        && (config.bootstrapExpect() != 1 || !config.cluster().retryJoin().isEmpty());
  }

  /** Rejects configurations this build cannot run yet, before anything is created. */
  static void requireSupported(NodeConfig config) {
    if (config.nodeName() == null || config.nodeName().isBlank()) {
      throw new IllegalArgumentException("A node name is required");
    }
    if (config.datacenter() == null || config.datacenter().isBlank()) {
      throw new IllegalArgumentException("A datacenter is required");
    }
    if (config.dev()) {
      return;
    }
    if (!config.server()) {
      // TODO(#3 follow-up): client agents that forward to servers.
      throw new IllegalArgumentException("Client agents are not supported yet; use -server or -dev");
    }
    if (config.bootstrapExpect() < 0) {
      throw new IllegalArgumentException("-bootstrap-expect must not be negative");
    }
    if (config.bootstrapExpect() == 0 && config.cluster().retryJoin().isEmpty()) {
      throw new IllegalArgumentException(
          "A server needs -bootstrap-expect or -retry-join to find its cluster");
    }
    if (config.dataDir() == null) {
      throw new IllegalArgumentException("A server needs -data-dir");
    }
  }

  /** One group per datacenter, with an ID every server of that datacenter derives alike. */
  public static RaftGroupId groupId(String datacenter) {
    return RaftGroupId.valueOf(
        UUID.nameUUIDFromBytes(("registry:" + datacenter).getBytes(StandardCharsets.UTF_8)));
  }

  public String raftAddress() {
    return self.advertiseAddress() + ":" + raftPort;
  }

  /** This server as /v1/agent/members shows it, with Consul's server tags. */
  public Member selfMember() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("role", "consul");
    tags.put("dc", self.datacenter());
    tags.put("port", Integer.toString(serverPort));
    tags.put("build", VERSION + ":");
    tags.put("vsn", "2");
    tags.put("vsn_min", "2");
    tags.put("vsn_max", "3");
    tags.put("id", self.nodeId());
    tags.put("segment", "");
    // Consul tags a -bootstrap (dev) server "bootstrap", a -bootstrap-expect one "expect".
    if (devMode) {
      tags.put("bootstrap", "1");
    } else {
      tags.put("expect", Integer.toString(bootstrapExpect));
    }
    tags.put("acls", "0");
    return new Member(self.nodeName(), self.advertiseAddress(), raftPort, tags, 1);
  }

  void deleteTempDir() {
    deleteQuietly(tempDir);
  }

  private static void deleteQuietly(Path dir) {
    try {
      AtomicFiles.deleteRecursively(dir);
    } catch (IOException e) {
      // A leftover temp dir is litter, not a failure of close().
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
