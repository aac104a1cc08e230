package io.registry.node.agent;

import java.util.List;

/** Every service and top-level check the config files define, in file order. */
public record FileDefinitions(List<FileService> services, List<FileCheck> checks) {
  public static final FileDefinitions NONE = new FileDefinitions(List.of(), List.of());

  public FileDefinitions {
    services = services == null ? List.of() : List.copyOf(services);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }
}
