package io.registry.node.check;

/**
 * Everything that defines how a check runs. Two registrations with equal configs are the
 * same check to the runners: the running one keeps its counters and schedule.
 */
public record RunnerConfig(
    ProbeSpec probe,
    int outputMaxSize,
    int successBeforePassing,
    int failuresBeforeWarning,
    int failuresBeforeCritical) {

  public RunnerConfig {
    if (probe == null) {
      throw new IllegalArgumentException("probe is required");
    }
  }

  StatusThresholds thresholds() {
    return new StatusThresholds(
        successBeforePassing, failuresBeforeWarning, failuresBeforeCritical);
  }
}
