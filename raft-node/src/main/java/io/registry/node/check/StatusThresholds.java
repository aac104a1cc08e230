package io.registry.node.check;

/**
 * SuccessBeforePassing / FailuresBeforeWarning / FailuresBeforeCritical (§4.4). Both counters
 * start "satisfied", so the first result of a new check applies at once; after that a status
 * only changes after enough consecutive results. Not thread-safe: one runner owns it and never
 * runs two probes at once.
 */
public final class StatusThresholds {
  private final int successBeforePassing;
  private final int failuresBeforeWarning;
  private final int failuresBeforeCritical;
  /** Consecutive non-critical results. */
  private int successes;
  /** Consecutive critical results. */
  private int failures;

  /** Values ≤ 0 mean 1 for success/critical; warning defaults to the critical threshold. */
  public StatusThresholds(
      int successBeforePassing, int failuresBeforeWarning, int failuresBeforeCritical) {
    this.successBeforePassing = Math.max(1, successBeforePassing);
    this.failuresBeforeCritical = Math.max(1, failuresBeforeCritical);
    this.failuresBeforeWarning =
        failuresBeforeWarning > 0 ? failuresBeforeWarning : this.failuresBeforeCritical;
    this.successes = this.successBeforePassing;
    this.failures = this.failuresBeforeCritical;
  }

  /** The result to report, or null while a threshold holds the previous status. */
  public CheckResult apply(CheckResult r) {
    if (!CheckResult.CRITICAL.equals(r.status())) {
      successes++;
      failures = 0;
      return successes >= successBeforePassing ? r : null;
    }
    failures++;
    successes = 0;
    if (failures >= failuresBeforeCritical) {
      return r;
    }
    if (failures >= failuresBeforeWarning) {
      return CheckResult.warning(r.output());
    }
    return null;
  }
}
