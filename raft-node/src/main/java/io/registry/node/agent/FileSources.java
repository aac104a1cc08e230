package io.registry.node.agent;

import java.util.HashSet;
import java.util.Set;

/**
 * Which local services and top-level checks came from config files; the rest came through
 * the HTTP API. Reload touches only the former (§14.2). A later HTTP registration of the same
 * ID takes the entry over. Guarded by the agent's lock.
 */
final class FileSources {
  private final Set<String> services = new HashSet<>();
  private final Set<String> checks = new HashSet<>();

  void service(String id, boolean fromFile) {
    if (fromFile) {
      services.add(id);
    } else {
      services.remove(id);
    }
  }

  void check(String id, boolean fromFile) {
    if (fromFile) {
      checks.add(id);
    } else {
      checks.remove(id);
    }
  }

  boolean isService(String id) {
    return services.contains(id);
  }

  boolean isCheck(String id) {
    return checks.contains(id);
  }
}
