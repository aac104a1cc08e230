package io.registry.node.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small text rules: default IDs, output cuts and Go quoting. */
class CheckDefaultsTest {

  @Test
  void defaultServiceCheckIds() {
    assertThat(CheckDefaults.serviceCheckId("web-1", 1, 1)).isEqualTo("service:web-1");
    assertThat(CheckDefaults.serviceCheckId("web-1", 2, 3)).isEqualTo("service:web-1:2");
    assertThat(CheckDefaults.serviceCheckName("web")).isEqualTo("Service 'web' check");
  }

  @Test
  void outputCutCountsUtf8BytesAndNeverSplitsACharacter() {
    assertThat(CheckDefaults.truncate("abc", 3)).isEqualTo("abc");
    // "é" is two bytes: a cut after 3 bytes would split the second one, so 2 bytes are kept.
    assertThat(CheckDefaults.truncate("ééé", 3)).isEqualTo("é ... (captured 2 of 6 bytes)");
    assertThat(CheckDefaults.truncate(null, 3)).isEmpty();
  }

  @Test
  void perCheckCapOnlyLowersTheAgentCap() {
    assertThat(CheckDefaults.outputMaxSize(null)).isEqualTo(4096);
    assertThat(CheckDefaults.outputMaxSize(0)).isEqualTo(4096);
    assertThat(CheckDefaults.outputMaxSize(100)).isEqualTo(100);
    assertThat(CheckDefaults.outputMaxSize(10_000)).isEqualTo(4096);
  }

  @Test
  void goQuoting() {
    assertThat(CheckDefaults.quote("web")).isEqualTo("\"web\"");
    assertThat(CheckDefaults.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
  }
}
