package io.registry.node.agent;

/**
 * A service defined in a config file.
 *
 * @param origin where it was defined, "file: path" (for error messages)
 * @param spec what is registered
 */
public record FileService(String origin, AgentServiceSpec spec) {

  /** The ID the service is registered under: id, or name when id is empty. */
  public String id() {
    return AgentValidator.isEmpty(spec.id()) ? spec.name() : spec.id();
  }
}
