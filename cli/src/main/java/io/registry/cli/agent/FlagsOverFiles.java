package io.registry.cli.agent;

import io.registry.cli.CliException;
import io.registry.node.agent.AgentOptions;
import io.registry.node.config.ConfigException;
import io.registry.node.config.ConfigLoader;
import io.registry.node.config.FileSettings;
import io.registry.node.config.LoadedConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * "Flags override files" (§15.1): a value counts as given by flag only when the flag was on
 * the command line, so a flag's default never hides a file's value, and a file's value never
 * hides a flag the operator typed.
 */
final class FlagsOverFiles {
  private final ParseResult parsed;
  private final FileSettings files;

  FlagsOverFiles(CommandSpec spec, FileSettings files) {
    this.parsed = spec == null ? null : spec.commandLine().getParseResult();
    this.files = files;
  }

  /** Reads the config paths; a refused file ends the command with its reason (exit 1). */
  static LoadedConfig load(List<Path> paths) {
    if (paths.isEmpty()) {
      return LoadedConfig.NONE;
    }
    try {
      return ConfigLoader.load(paths);
    } catch (ConfigException e) {
      throw new CliException("==> Error loading configuration: " + e.getMessage());
    }
  }

  static Path path(String s) {
    return s == null || s.isBlank() ? null : Path.of(s);
  }

  boolean given(String flag) {
    return parsed != null && parsed.hasMatchedOption(flag);
  }

  /** The flag's value when typed, else the files' value, else the flag's default. */
  <T> T pick(String flag, T flagValue, T fileValue) {
    if (given(flag) || fileValue == null) {
      return flagValue;
    }
    return fileValue;
  }

  /** Repeatable flags replace the files' list when given. */
  List<String> list(List<String> flagValues, List<String> fileValues) {
    if (!flagValues.isEmpty() || fileValues == null) {
      return flagValues;
    }
    return fileValues;
  }

  /** node_meta from files, then -node-meta pairs over them. */
  Map<String, String> meta(Map<String, String> flagMeta, Map<String, String> fileMeta) {
    Map<String, String> out = new LinkedHashMap<>();
    if (fileMeta != null) {
      out.putAll(fileMeta);
    }
    out.putAll(flagMeta);
    return out;
  }

  /** Script switches from flags over files; output settings from files over defaults. */
  AgentOptions agentOptions(Boolean enableScript, Boolean enableLocalScript) {
    AgentOptions d = AgentOptions.defaults();
    return new AgentOptions(
        first(enableScript, files.enableScriptChecks(), d.enableScriptChecks()),
        first(enableLocalScript, files.enableLocalScriptChecks(), d.enableLocalScriptChecks()),
        first(null, files.checkOutputMaxSize(), d.checkOutputMaxSize()),
        first(null, files.discardCheckOutput(), d.discardCheckOutput()),
        first(null, files.checkUpdateInterval(), d.checkUpdateInterval()));
  }

  private static <T> T first(T a, T b, T c) {
    return a != null ? a : b != null ? b : c;
  }
}
