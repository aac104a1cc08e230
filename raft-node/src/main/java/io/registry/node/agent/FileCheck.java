package io.registry.node.agent;

/**
 * A top-level check defined in a config file (a node check, or one naming service_id).
 *
 * @param origin where it was defined, "file: path" (for error messages)
 * @param spec what is registered
 */
public record FileCheck(String origin, AgentCheckSpec spec) {

  /** The ID the check is registered under: id, or name when id is empty. */
  public String id() {
    return AgentValidator.isEmpty(spec.id()) ? spec.name() : spec.id();
  }
}
