package io.registry.cli.agent;

import io.registry.gateway.grpc.GrpcGateway;
import io.registry.node.config.LoadedConfig;
import io.registry.node.config.NodeConfig;
import java.nio.file.Path;

/**
 * What `registry agent` resolved from its flags: the node's typed settings plus what only
 * the process needs.
 *
 * @param node settings handed to RegistryNodes.start
 * @param pretty pretty-print every JSON response (-dev)
 * @param pidFile where to write the process id; null for none
 * @param files what the config files said (their services and checks are registered at start)
 * @param dns the DNS server's address, port and answering rules
 * @param grpcPort the public gRPC API's port on the client address; 0 picks a free one, -1 = off
 * @param ui serve the web UI under /ui/
 * @param shutdown whether SIGTERM/SIGINT leave gracefully or keep the seat
 */
public record AgentSettings(
    NodeConfig node,
    boolean pretty,
    Path pidFile,
    LoadedConfig files,
    DnsSettings dns,
    int grpcPort,
    boolean ui,
    ShutdownPolicy shutdown) {

  public AgentSettings {
    files = files == null ? LoadedConfig.NONE : files;
    shutdown = shutdown == null ? ShutdownPolicy.resolve(node.server(), null, null) : shutdown;
    dns = dns == null ? DnsSettings.disabled(node.clientAddress()) : dns;
  }

  /** Settings without a DNS server or the web UI. */
  public AgentSettings(NodeConfig node, boolean pretty, Path pidFile, LoadedConfig files) {
    this(node, pretty, pidFile, files, null, GrpcGateway.DEFAULT_PORT, false, null);
  }

  /** Settings from flags alone. */
  public AgentSettings(NodeConfig node, boolean pretty, Path pidFile) {
    this(node, pretty, pidFile, LoadedConfig.NONE, null, GrpcGateway.DEFAULT_PORT, false, null);
  }
}
