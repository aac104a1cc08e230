package io.registry.node.agent;

import java.time.Duration;

/**
 * Agent settings that shape local checks (consul-api.md §4.4, §14.3) and anti-entropy.
 *
 * @param enableScriptChecks script checks allowed from any source (HTTP API and files)
 * @param enableLocalScriptChecks script checks allowed from config files only
 * @param checkOutputMaxSize default cap of a check's output in bytes
 * @param discardCheckOutput store "" as every check's output
 * @param checkUpdateInterval how often output-only changes reach the catalog
 * @param antiEntropyInterval how often the agent compares its services and checks with the
 *     catalog's rows for its node (plus up to a quarter of it as random stagger)
 */
public record AgentOptions(
    boolean enableScriptChecks,
    boolean enableLocalScriptChecks,
    int checkOutputMaxSize,
    boolean discardCheckOutput,
    Duration checkUpdateInterval,
    Duration antiEntropyInterval) {

  /** Consul's full-sync interval for clusters of up to 128 nodes. */
  public static final Duration DEFAULT_ANTI_ENTROPY_INTERVAL = Duration.ofMinutes(1);

  public AgentOptions {
    if (antiEntropyInterval == null || !antiEntropyInterval.isPositive()) {
      antiEntropyInterval = DEFAULT_ANTI_ENTROPY_INTERVAL;
    }
  }

  /** Settings with the default anti-entropy interval. */
  public AgentOptions(
      boolean enableScriptChecks,
      boolean enableLocalScriptChecks,
      int checkOutputMaxSize,
      boolean discardCheckOutput,
      Duration checkUpdateInterval) {
    this(enableScriptChecks, enableLocalScriptChecks, checkOutputMaxSize, discardCheckOutput,
        checkUpdateInterval, DEFAULT_ANTI_ENTROPY_INTERVAL);
  }

  public static AgentOptions defaults() {
    return new AgentOptions(false, false, 4096, false, Duration.ofMinutes(5));
  }

  /** The same settings with another anti-entropy interval (tests use short ones). */
  public AgentOptions withAntiEntropyInterval(Duration interval) {
    return new AgentOptions(enableScriptChecks, enableLocalScriptChecks, checkOutputMaxSize,
        discardCheckOutput, checkUpdateInterval, interval);
  }
}
