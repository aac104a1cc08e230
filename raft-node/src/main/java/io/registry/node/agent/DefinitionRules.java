package io.registry.node.agent;

/**
 * The agent's registration rules (§4.2, §4.3) for definitions that do not come through HTTP:
 * config files are checked with them at load, before any agent exists (`registry validate`)
 * and before a reload changes anything.
 */
public final class DefinitionRules {
  private DefinitionRules() {}

  /** The first problem of a service registration, in the HTTP API's words; null if none. */
  public static String serviceProblem(AgentServiceSpec spec) {
    try {
      AgentValidator.validateService(spec);
      return null;
    } catch (AgentException e) {
      return e.getMessage();
    }
  }

  /** The first problem of a check registration, in the HTTP API's words; null if none. */
  public static String checkProblem(AgentCheckSpec spec) {
    try {
      AgentValidator.validateCheck(spec);
      return null;
    } catch (AgentException e) {
      return e.getMessage();
    }
  }

  /** Whether the check runs a script (needs enable_script_checks or the local variant). */
  public static boolean isScript(AgentCheckSpec spec) {
    return !spec.args().isEmpty();
  }
}
