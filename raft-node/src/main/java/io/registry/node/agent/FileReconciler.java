package io.registry.node.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the config files' services and checks to the agent as a difference against what
 * was applied last, so an unchanged definition keeps its state and causes no catalog write.
 * An entry counts as unchanged only while the agent still holds it as file-sourced: one
 * deregistered or taken over through HTTP since is registered again from its file.
 */
final class FileReconciler {
  private static final Logger log = LoggerFactory.getLogger(FileReconciler.class);

  private final AgentState agent;
  /** What the files said at the last apply that succeeded. Guarded by this. */
  private FileDefinitions applied = FileDefinitions.NONE;

  FileReconciler(AgentState agent) {
    this.agent = agent;
  }

  /** Serialised: two reloads at once must not interleave their differences. */
  synchronized void apply(FileDefinitions next, AgentOptions options) {
    refuseScripts(next, options);
    agent.setOptions(options);
    Map<String, FileService> beforeServices = byId(applied.services(), FileService::id);
    Map<String, FileCheck> beforeChecks = byId(applied.checks(), FileCheck::id);
    Map<String, FileService> afterServices = byId(next.services(), FileService::id);
    Map<String, FileCheck> afterChecks = byId(next.checks(), FileCheck::id);
    int removed = 0;
    int registered = 0;
    // Checks first: a removed check may belong to a service that goes too.
    for (String id : beforeChecks.keySet()) {
      if (!afterChecks.containsKey(id) && agent.isFileCheck(id)) {
        agent.deregisterCheck(id);
        removed++;
      }
    }
    for (String id : beforeServices.keySet()) {
      if (!afterServices.containsKey(id) && agent.isFileService(id)) {
        agent.deregisterService(id);
        removed++;
      }
    }
    // Services before checks: a file check may attach to a file service.
    for (FileService s : next.services()) {
      FileService was = beforeServices.get(s.id());
      if (was == null || !was.spec().equals(s.spec()) || !agent.isFileService(s.id())) {
        register(s.origin(), () -> agent.registerService(s.spec(), true, RegistrationSource.FILE));
        registered++;
      }
    }
    for (FileCheck c : next.checks()) {
      FileCheck was = beforeChecks.get(c.id());
      if (was == null || !was.spec().equals(c.spec()) || !agent.isFileCheck(c.id())) {
        register(c.origin(), () -> agent.registerCheck(c.spec(), RegistrationSource.FILE));
        registered++;
      }
    }
    applied = next;
    log.info("Config files applied: {} services and {} checks defined; {} registered, {}"
        + " removed, the rest unchanged", next.services().size(), next.checks().size(),
        registered, removed);
  }

  /** Refused before anything changes, naming the definition, as a start-up would refuse it. */
  private static void refuseScripts(FileDefinitions next, AgentOptions options) {
    if (options.enableScriptChecks() || options.enableLocalScriptChecks()) {
      return;
    }
    for (FileService s : next.services()) {
      if (s.spec().checks().stream().anyMatch(DefinitionRules::isScript)) {
        throw new AgentException(500, s.origin() + ": " + AgentValidator.SCRIPTS_DISABLED);
      }
    }
    for (FileCheck c : next.checks()) {
      if (DefinitionRules.isScript(c.spec())) {
        throw new AgentException(500, c.origin() + ": " + AgentValidator.SCRIPTS_DISABLED);
      }
    }
  }

  /** Names the definition in a refusal the loader could not foresee (e.g. a disk failure). */
  private static void register(String origin, Runnable registration) {
    try {
      registration.run();
    } catch (AgentException e) {
      throw new AgentException(e.status(), origin + ": " + e.getMessage());
    }
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.put(id.apply(i), i));
    return out;
  }
}
