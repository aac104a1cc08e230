package io.registry.cli.agent;

import io.registry.cli.CliException;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.LoadedConfig;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a reload does (PUT /v1/agent/reload, `registry reload`, SIGHUP): re-read the same
 * config paths with the same flags over them, then hand the agent its new definitions and
 * check settings, and apply the new log level. Reading and every check happen before the
 * agent changes anything, so a bad file leaves the running configuration as it was. Other
 * settings (ports, addresses, node name, data dir) need a restart and are left as they are.
 */
final class ConfigReload implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ConfigReload.class);

  private final Supplier<AgentSettings> reread;
  private final RegistryNode node;

  ConfigReload(Supplier<AgentSettings> reread, RegistryNode node) {
    this.reread = reread;
    this.node = node;
  }

  @Override
  public void run() {
    AgentSettings next;
    try {
      next = reread.get();
    } catch (CliException e) {
      // The HTTP answer carries the reason alone, without the console's "==> " prefix.
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^==> ", ""), e);
    }
    node.agent().applyFileConfig(next.files().definitions(), next.node().agent());
    AgentLogging.apply(next.node().logLevel());
    warnIgnored(next.files());
    log.info("Configuration reloaded from {} files", next.files().files().size());
  }

  /** Keys accepted for compatibility that do nothing yet: said once per start or reload. */
  static void warnIgnored(LoadedConfig files) {
    for (String key : files.warnings()) {
      log.warn("Config key {} is accepted but has no effect in this registry yet", key);
    }
  }
}
