package io.registry.node.agent;

/**
 * Where a registration comes from. It matters for script checks only: enable_script_checks
 * allows them from anywhere, enable_local_script_checks only from the agent's own config
 * files, since an HTTP caller should not be able to make the agent run commands (§4.4).
 */
public enum RegistrationSource {
  /** The HTTP API (or any other remote caller). */
  API,
  /** A config file or -config-dir of this agent. */
  FILE
}
