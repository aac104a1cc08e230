package io.registry.node.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void doublesFromOneSecondUpToTheRetryInterval() {
    RetryBackoff b = new RetryBackoff(Duration.ofSeconds(30), () -> 0.5); // no jitter
    assertThat(waits(b, 7)).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
  }

  @Test
  void testTimingsStartAtATwentiethOfTheCap() {
    RetryBackoff b = new RetryBackoff(Duration.ofSeconds(2), () -> 0.5);
    assertThat(waits(b, 6)).containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L);
  }

  @Test
  void jitterSpreadsEachWaitByTwentyPercentEitherWay() {
    assertThat(new RetryBackoff(Duration.ofSeconds(30), () -> 0.0).next()).isEqualTo(800L);
    assertThat(new RetryBackoff(Duration.ofSeconds(30), () -> 0.999_999).next()).isEqualTo(1200L);
    RetryBackoff high = new RetryBackoff(Duration.ofSeconds(30), () -> 0.999_999);
    assertThat(waits(high, 7).get(6)).isEqualTo(36000L);
  }

  @Test
  void refusesANonPositiveInterval() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Long> waits(RetryBackoff b, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(b.next());
    }
    return out;
  }
}
