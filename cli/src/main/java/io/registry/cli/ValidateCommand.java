package io.registry.cli;

import io.registry.cli.agent.AgentCommand;
import io.registry.node.config.ConfigException;
import io.registry.node.config.ConfigLoader;
import io.registry.node.config.LoadedConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `registry validate DIR|FILE...`: loads config files as `agent -config-dir/-config-file`
 * would, and checks them without starting anything. Exit 0 `Configuration is valid!`,
 * else 1 with the file, key and reason.
 */
@Command(name = "validate", description = "Checks configuration files without starting an agent.")
public final class ValidateCommand extends Verb {
  @Parameters(arity = "1..*", paramLabel = "<path>", description = "Config files or directories.")
  List<Path> paths;

  public ValidateCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    try {
      LoadedConfig loaded = ConfigLoader.load(paths);
      AgentCommand.checkFileValues(loaded.settings());
      for (String key : loaded.warnings()) {
        console.out().println("Warning: " + key + " is accepted but has no effect yet");
      }
    } catch (ConfigException e) {
      throw new CliException("Config validation failed: " + e.getMessage());
    } catch (CliException e) {
      throw new CliException("Config validation failed: "
          + e.getMessage().replaceFirst("^==> ", ""));
    }
    console.out().println("Configuration is valid!");
    return 0;
  }
}
