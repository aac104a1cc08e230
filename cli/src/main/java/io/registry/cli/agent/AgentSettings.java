package io.registry.cli.agent;

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
 * @param ui serve the web UI under /ui/
 */
public record AgentSettings(
    NodeConfig node, boolean pretty, Path pidFile, LoadedConfig files, boolean ui) {

  public AgentSettings {
    files = files == null ? LoadedConfig.NONE : files;
  }

  /** Settings without the web UI. */
  public AgentSettings(NodeConfig node, boolean pretty, Path pidFile, LoadedConfig files) {
    this(node, pretty, pidFile, files, false);
  }

  /** Settings from flags alone. */
  public AgentSettings(NodeConfig node, boolean pretty, Path pidFile) {
    this(node, pretty, pidFile, LoadedConfig.NONE);
  }
}
