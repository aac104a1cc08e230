package io.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.model.GoDuration;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's ParseDuration and Duration.String() (consul-api.md sec. 2.11). */
class GoDurationTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "0, 0",
    "-0, 0",
    "+0, 0",
    "0s, 0",
    "300ms, 300000000",
    "300000ms, 300000000000",
    "55s, 55000000000",
    "1.5h, 5400000000000",
    "2h45m, 9900000000000",
    "1m30s, 90000000000",
    "-5s, -5000000000",
    "+5s, 5000000000",
    "1ns, 1",
    "1us, 1000",
    "1\u00b5s, 1000",
    "1\u03bcs, 1000",
    ".5s, 500000000",
    "1.s, 1000000000",
    "1.5ns, 1",
    "1h1m1s1ms1us1ns, 3661001001001",
  })
  void parsesGoSyntax(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "\"{0}\" is invalid")
  @ValueSource(strings = {"", "20", "1d", " 1s", "1s ", "1 s", "s", ".s", "-", "1.2.3s", "1S",
      "9999999999h"})
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} ns prints {1}")
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "1500, 1.5\u00b5s",
    "500000000, 500ms",
    "1500000000, 1.5s",
    "10000000000, 10s",
    "60000000000, 1m0s",
    "90000000000, 1m30s",
    "3600000000000, 1h0m0s",
    "9900000000000, 2h45m0s",
    "-5000000000, -5s",
    "3661001001001, 1h1m1.001001001s",
    "-9223372036854775808, -2562047h47m16.854775808s",
  })
  void formatsLikeGo(long nanos, String text) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
  }
}
