package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Check;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TTL checks driven by the fake clock and the manual scheduler (consul-api.md §4.4). */
class AgentTtlTest {
  private static final Duration TTL = Duration.ofSeconds(30);
  private final AgentHarness h = new AgentHarness();
  private final AgentState agent = h.agent;

  @AfterEach
  void close() {
    h.close();
  }

  private Check check() {
    return agent.checks().get("service:web");
  }

  @Test
  void passWarnFailSetStatusAndOutput() {
    agent.registerService(service("web").check(ttl(TTL)).build(), false);

    agent.updateTtlCheck("service:web", "passing", "all good");
    assertThat(check().status()).isEqualTo("passing");
    assertThat(check().output()).isEqualTo("all good");

    agent.updateTtlCheck("service:web", "warning", "slow");
    assertThat(check().status()).isEqualTo("warning");

    agent.updateTtlCheck("service:web", "critical", null);
    assertThat(check().status()).isEqualTo("critical");
    assertThat(check().output()).isEmpty();
  }

  @Test
  void missedTtlTurnsCriticalQuotingTheLastOutput() {
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    agent.updateTtlCheck("service:web", "passing", "heartbeat 7");

    h.scheduler.advance(TTL.minusMillis(1));
    assertThat(check().status()).isEqualTo("passing");

    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(check().status()).isEqualTo("critical");
    assertThat(check().output())
        .isEqualTo("TTL expired (last output before timeout follows): heartbeat 7");
  }

  @Test
  void missedTtlWithoutOutputSaysOnlyTtlExpired() {
    agent.registerCheck(ttl(TTL).name("beat").status("passing").build());

    h.scheduler.advance(TTL);

    assertThat(agent.checks().get("beat").status()).isEqualTo("critical");
    assertThat(agent.checks().get("beat").output()).isEqualTo("TTL expired");
  }

  @Test
  void eachUpdateRestartsTheTimer() {
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    for (int i = 0; i < 5; i++) {
      h.scheduler.advance(TTL.minusSeconds(1));
      agent.updateTtlCheck("service:web", "passing", "");
    }
    assertThat(check().status()).isEqualTo("passing");

    h.scheduler.advance(TTL);
    assertThat(check().status()).isEqualTo("critical");

    agent.updateTtlCheck("service:web", "passing", "back");
    assertThat(check().status()).isEqualTo("passing");
  }

  @Test
  void anEarlyWakeUpDoesNotExpireTheCheck() {
    agent.registerCheck(ttl(TTL).name("beat").status("passing").build());
    h.clock.advance(TTL.minusSeconds(5));
    // The wake-up comes while the clock says the deadline is still 5 s ahead.
    h.scheduler.runAllEarly();
    assertThat(agent.checks().get("beat").status()).isEqualTo("passing");
    assertThat(h.scheduler.pending()).isEqualTo(1);

    h.scheduler.advance(Duration.ofSeconds(5));
    assertThat(agent.checks().get("beat").status()).isEqualTo("critical");
  }

  @Test
  void deregisteredCheckDoesNotExpireLater() {
    agent.registerCheck(ttl(TTL).name("beat").status("passing").build());
    agent.deregisterCheck("beat");
    h.scheduler.advance(TTL.multipliedBy(2));
    assertThat(agent.checks()).isEmpty();
  }

  @Test
  void longOutputIsCut() {
    agent.registerCheck(ttl(TTL).name("beat").build());

    agent.updateTtlCheck("beat", "passing", "x".repeat(5000));

    assertThat(agent.checks().get("beat").output())
        .isEqualTo("x".repeat(4096) + " ... (captured 4096 of 5000 bytes)");
  }

  @Test
  void perCheckOutputMaxSizeLowersTheCap() {
    agent.registerCheck(ttl(TTL).name("beat").outputMaxSize(10).build());

    agent.updateTtlCheck("beat", "passing", "0123456789abc");

    assertThat(agent.checks().get("beat").output())
        .isEqualTo("0123456789 ... (captured 10 of 13 bytes)");
  }
}
