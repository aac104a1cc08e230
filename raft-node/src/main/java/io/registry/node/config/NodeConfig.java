package io.registry.node.config;

import io.registry.node.agent.AgentOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Typed settings of one node, resolved from flags (and later config files), printed once
 * at start.
 *
 * @param dataDir state directory; null only with dev, which then uses a fresh temp dir
 * @param bindAddress address the internal (Raft) listener binds and advertises
 * @param clientAddress address the HTTP API binds
 * @param httpPort HTTP API port; 0 picks a free one (tests)
 * @param serverPort server RPC port shown as the leader address; 0 picks a free one
 * @param raftPort Ratis port; 0 picks a free one
 * @param agent settings of the local agent and its checks
 * @param cluster how the node finds and keeps its cluster
 */
public record NodeConfig(
    String nodeName,
    String nodeId,
    String datacenter,
    Path dataDir,
    boolean dev,
    boolean server,
    int bootstrapExpect,
    String bindAddress,
    String clientAddress,
    int httpPort,
    int serverPort,
    int raftPort,
    Map<String, String> nodeMeta,
    String logLevel,
    AgentOptions agent,
    ClusterOptions cluster) {

  public NodeConfig {
    nodeMeta = nodeMeta == null ? Map.of() : Map.copyOf(nodeMeta);
    agent = agent == null ? AgentOptions.defaults() : agent;
    cluster = cluster == null ? ClusterOptions.defaults() : cluster;
  }

  /** Settings with default agent and cluster options. */
  public NodeConfig(
      String nodeName,
      String nodeId,
      String datacenter,
      Path dataDir,
      boolean dev,
      boolean server,
      int bootstrapExpect,
      String bindAddress,
      String clientAddress,
      int httpPort,
      int serverPort,
      int raftPort,
      Map<String, String> nodeMeta,
      String logLevel) {
    this(nodeName, nodeId, datacenter, dataDir, dev, server, bootstrapExpect, bindAddress,
        clientAddress, httpPort, serverPort, raftPort, nodeMeta, logLevel, null, null);
  }

  /** A dev node on loopback with free ports: what tests start. */
  public static NodeConfig devOnFreePorts(String nodeName) {
    return new NodeConfig(
        nodeName, null, "dc1", null, true, true, 1, "127.0.0.1", "127.0.0.1", 0, 0, 0,
        Map.of(), "info");
  }
}
