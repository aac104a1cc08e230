package io.registry.node.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SuccessBeforePassing / FailuresBeforeWarning / FailuresBeforeCritical (§4.4). */
class StatusThresholdsTest {
  private static final CheckResult OK = CheckResult.passing("ok");
  private static final CheckResult BAD = CheckResult.critical("bad");

  @Test
  void countersStartSatisfiedSoTheFirstResultApplies() {
    assertThat(new StatusThresholds(3, 2, 3).apply(BAD)).isEqualTo(BAD);
    assertThat(new StatusThresholds(3, 2, 3).apply(OK)).isEqualTo(OK);
  }

  @Test
  void failuresGoThroughWarningToCritical() {
    StatusThresholds t = new StatusThresholds(2, 2, 3);
    t.apply(OK);
    assertThat(t.apply(BAD)).isNull();
    assertThat(t.apply(BAD)).isEqualTo(CheckResult.warning("bad"));
    assertThat(t.apply(BAD)).isEqualTo(BAD);
    assertThat(t.apply(OK)).isNull();
    assertThat(t.apply(OK)).isEqualTo(OK);
  }

  @Test
  void warningDefaultsToTheCriticalThreshold() {
    StatusThresholds t = new StatusThresholds(0, 0, 2);
    t.apply(OK);
    assertThat(t.apply(BAD)).isNull();
    assertThat(t.apply(BAD)).isEqualTo(BAD);
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    StatusThresholds t = new StatusThresholds(1, 0, 2);
    t.apply(OK);
    assertThat(t.apply(BAD)).isNull();
    assertThat(t.apply(OK)).isEqualTo(OK);
    assertThat(t.apply(BAD)).isNull();
  }
}
