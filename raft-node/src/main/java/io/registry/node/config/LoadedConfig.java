package io.registry.node.config;

import io.registry.node.agent.FileDefinitions;
import java.nio.file.Path;
import java.util.List;

/**
 * What the config files say, validated.
 *
 * @param files the files read, in the order they were applied
 * @param settings top-level settings, merged over all files
 * @param definitions services and checks of all files
 * @param warnings accepted keys that have no effect yet, as "file: key"
 */
public record LoadedConfig(
    List<Path> files, FileSettings settings, FileDefinitions definitions, List<String> warnings) {

  public static final LoadedConfig NONE =
      new LoadedConfig(List.of(), FileSettings.NONE, FileDefinitions.NONE, List.of());

  public LoadedConfig {
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }
}
