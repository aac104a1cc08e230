package io.registry.node.check;

/** One probe's verdict: passing, warning or critical, and the text shown as Output. */
public record CheckResult(String status, String output) {
  public static final String PASSING = "passing";
  public static final String WARNING = "warning";
  public static final String CRITICAL = "critical";

  public CheckResult {
    if (!PASSING.equals(status) && !WARNING.equals(status) && !CRITICAL.equals(status)) {
      throw new IllegalArgumentException("bad status " + status);
    }
    output = output == null ? "" : output;
  }

  public static CheckResult passing(String output) {
    return new CheckResult(PASSING, output);
  }

  public static CheckResult warning(String output) {
    return new CheckResult(WARNING, output);
  }

  public static CheckResult critical(String output) {
    return new CheckResult(CRITICAL, output);
  }
}
