package io.registry.node.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.registry.node.agent.FileCheck;
import io.registry.node.agent.FileDefinitions;
import io.registry.node.agent.FileService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads -config-file and -config-dir arguments (§14.1): in command-line order; in a
 * directory every *.json file in alphabetical order, other files and sub-directories
 * skipped. JSON may carry // and /* *&#47; comments and trailing commas, as operators' files
 * do. Everything is validated before anything is returned, so a caller either gets a whole,
 * usable configuration or a {@link ConfigException} naming file, key and reason.
 */
public final class ConfigLoader {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ConfigLoader() {}

  /** Loads the given files and directories; no paths gives {@link LoadedConfig#NONE}. */
  public static LoadedConfig load(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      files.addAll(expand(p));
    }
    List<String> warnings = new ArrayList<>();
    FileSettings settings = FileSettings.NONE;
    List<FileService> services = new ArrayList<>();
    List<FileCheck> checks = new ArrayList<>();
    for (Path file : files) {
      String name = file.toString();
      ConfigFields top = new ConfigFields(name, "", parse(file));
      DefinitionReader reader = new DefinitionReader(key -> warnings.add(name + ": " + key));
      for (ConfigFields s : top.objects("service", "services")) {
        services.add(reader.service(s));
      }
      for (ConfigFields c : top.objects("check", "checks")) {
        checks.add(reader.topLevelCheck(c));
      }
      settings = settings.merge(FileSettings.read(top, key -> warnings.add(name + ": " + key)));
      top.rejectUnknown();
    }
    FileDefinitions definitions = new FileDefinitions(services, checks);
    crossCheck(definitions);
    return new LoadedConfig(files, settings, definitions, warnings);
  }

  /** A file as itself; a directory as its *.json files by name. */
  static List<Path> expand(Path path) {
    if (Files.isDirectory(path)) {
      List<Path> out = new ArrayList<>();
      try (Stream<Path> entries = Files.list(path)) {
        for (Path p : entries.sorted().toList()) {
          String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
          if (Files.isDirectory(p)) {
            continue;
          }
          if (n.endsWith(".hcl")) {
            throw hcl(p);
          }
          if (n.endsWith(".json")) {
            out.add(p);
          }
        }
      } catch (IOException e) {
        throw new ConfigException(path + ": cannot read directory: " + e.getMessage(), e);
      }
      return out;
    }
    if (!Files.exists(path)) {
      throw new ConfigException(path + ": no such file or directory");
    }
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hcl")) {
      throw hcl(path);
    }
    return List.of(path);
  }

  private static ConfigException hcl(Path p) {
    return new ConfigException(p + ": HCL config files are not supported; write the"
        + " configuration as JSON (a .json file)");
  }

  private static JsonNode parse(Path file) {
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new ConfigException(file + ": empty file (expected a JSON object)");
    }
    if (!tree.isObject()) {
      throw new ConfigException(file + ": expected a JSON object at the top");
    }
    return tree;
  }

  /**
   * Rules across files: IDs are unique (a second definition would silently replace the
   * first), and a check's service_id names a service the files define. Checks may not attach
   * to API-registered services: whether a file is valid must not depend on what happens to be
   * registered at the time (`registry validate` has no agent to ask).
   */
  private static void crossCheck(FileDefinitions d) {
    Map<String, String> serviceIds = new HashMap<>();
    for (FileService s : d.services()) {
      unique(serviceIds, "service", s.id(), s.origin());
    }
    Map<String, String> checkIds = new HashMap<>();
    for (FileCheck c : d.checks()) {
      unique(checkIds, "check", c.id(), c.origin());
      String serviceId = c.spec().serviceId();
      if (serviceId != null && !serviceId.isEmpty() && !serviceIds.containsKey(serviceId)) {
        throw new ConfigException(c.origin() + ".service_id: unknown service \"" + serviceId
            + "\" (no service with this ID is defined in the configuration files)");
      }
    }
  }

  /** Records id as defined at origin; a second definition would silently replace the first. */
  private static void unique(Map<String, String> seen, String kind, String id, String origin) {
    String before = seen.putIfAbsent(id, origin);
    if (before != null) {
      throw new ConfigException(origin + ": duplicate " + kind + " ID \"" + id
          + "\" (also defined at " + before + ")");
    }
  }
}
