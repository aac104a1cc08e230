package io.registry.node.agent;

import java.time.Duration;

/**
 * Agent settings that shape local checks (consul-api.md §4.4, §14.3).
 *
 * @param enableScriptChecks script checks allowed from any source (HTTP API and files)
 * @param enableLocalScriptChecks script checks allowed from config files only
 * @param checkOutputMaxSize default cap of a check's output in bytes
 * @param discardCheckOutput store "" as every check's output
 * @param checkUpdateInterval how often output-only changes reach the catalog
 */
public record AgentOptions(
    boolean enableScriptChecks,
    boolean enableLocalScriptChecks,
    int checkOutputMaxSize,
    boolean discardCheckOutput,
    Duration checkUpdateInterval) {

  public static AgentOptions defaults() {
    return new AgentOptions(false, false, 4096, false, Duration.ofMinutes(5));
  }
}
