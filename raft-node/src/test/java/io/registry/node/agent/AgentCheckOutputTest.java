package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.http;
import static io.registry.node.agent.CheckSpecBuilder.none;
import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.Check;
import io.registry.node.check.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What check results do to the catalog: output-only batching, discarded output,
 * DeregisterCriticalServiceAfter reaping, and the script-check switches (§4.4).
 */
class AgentCheckOutputTest {
  private static final String URL = "http://127.0.0.1:9000/health";
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Duration BATCH = Duration.ofMinutes(5);
  private AgentHarness h = new AgentHarness();

  @AfterEach
  void close() {
    h.close();
  }

  private Check check() {
    return h.agent.checks().get("service:web");
  }

  private void answer(String output) {
    h.probes.answer(URL, CheckResult.passing(output));
    h.scheduler.advance(INTERVAL);
  }

  private static List<String> outputs(List<Command> sent) {
    return sent.stream()
        .flatMap(c -> c.getUpdateChecks().getUpdatesList().stream())
        .map(u -> u.getOutput())
        .toList();
  }

  @Test
  void outputOnlyChangesAreBatchedButTheFirstGoesAtOnce() {
    h.agent.registerService(service("web").check(http(URL, INTERVAL).status("passing")).build(),
        false);
    h.writer.drain();

    h.probes.answer(URL, CheckResult.passing("t=1"));
    h.scheduler.advance(Duration.ZERO);
    assertThat(outputs(h.writer.drain())).containsExactly("t=1");

    answer("t=2");
    answer("t=3");
    assertThat(h.writer.drain()).isEmpty();
    assertThat(check().output()).isEqualTo("t=3");

    // The batch was opened by t=2, one interval after t=1.
    h.scheduler.advance(BATCH.minus(INTERVAL).minusMillis(1));
    assertThat(h.writer.drain()).isEmpty();
    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(outputs(h.writer.drain())).containsExactly("t=3");
  }

  @Test
  void aStatusChangeIsPushedAtOnceWithItsOutput() {
    h.agent.registerService(service("web").check(http(URL, INTERVAL).status("passing")).build(),
        false);
    answer("t=1");
    answer("t=2");
    h.writer.drain();

    h.probes.answer(URL, CheckResult.critical("down 1"));
    h.scheduler.advance(INTERVAL);
    List<Command> sent = h.writer.drain();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getUpdateChecks().getUpdates(0).getStatus()).isEqualTo("critical");
    assertThat(outputs(sent)).containsExactly("down 1");

    // That output was the first after the status change; the next ones wait for the batch.
    h.probes.answer(URL, CheckResult.critical("down 2"));
    h.scheduler.advance(INTERVAL);
    assertThat(h.writer.drain()).isEmpty();
    assertThat(check().output()).isEqualTo("down 2");
  }

  @Test
  void discardCheckOutputStoresNothing() {
    h.close();
    h = new AgentHarness(new AgentOptions(false, false, 4096, true, BATCH));
    h.agent.registerService(service("web").check(http(URL, INTERVAL)).build(), false);
    h.probes.answer(URL, CheckResult.passing("secret"));
    h.scheduler.advance(Duration.ZERO);

    assertThat(check().status()).isEqualTo("passing");
    assertThat(check().output()).isEmpty();
  }

  @Test
  void aServiceCriticalPastDeregisterCriticalServiceAfterIsReaped() {
    h.agent.start();
    h.agent.registerService(service("web").check(
        http(URL, INTERVAL).deregisterAfter(Duration.ofSeconds(90))).build(), false);
    h.agent.registerService(service("db").check(
        http("http://db/", INTERVAL).deregisterAfter(Duration.ofSeconds(5))).build(), false);
    assertThat(h.agent.deregisterCriticalServiceAt())
        .containsEntry("service:web", AgentHarness.T0.plusSeconds(90))
        .containsEntry("service:db", AgentHarness.T0.plusSeconds(60));

    h.scheduler.advance(Duration.ofSeconds(60));
    assertThat(h.agent.services()).containsOnlyKeys("web");
    h.scheduler.advance(Duration.ofSeconds(29));
    assertThat(h.agent.services()).containsOnlyKeys("web");
    h.scheduler.advance(Duration.ofSeconds(1));
    assertThat(h.agent.services()).isEmpty();
    assertThat(h.agent.deregisterCriticalServiceAt()).isEmpty();
  }

  @Test
  void aPassingCheckIsNotReapedAndCriticalTimeRestartsWhenItFails() {
    h.agent.registerService(service("web").check(
        http(URL, INTERVAL).deregisterAfter(Duration.ofMinutes(1))).build(), false);
    h.probes.answer(URL, CheckResult.passing("ok"));
    h.scheduler.advance(Duration.ZERO);
    assertThat(h.agent.deregisterCriticalServiceAt()).isEmpty();

    h.scheduler.advance(Duration.ofSeconds(120));
    h.probes.answer(URL, CheckResult.critical("down"));
    h.scheduler.advance(INTERVAL);

    Instant failedAt = h.clock.instant();
    assertThat(h.agent.deregisterCriticalServiceAt())
        .containsEntry("service:web", failedAt.plus(Duration.ofMinutes(1)));
    assertThat(h.agent.services()).containsKey("web");
  }

  @Test
  void ttlChecksAreReapedToo() {
    h.agent.start();
    h.agent.registerService(service("web").check(
        ttl(Duration.ofSeconds(30)).deregisterAfter(Duration.ofMinutes(1))).build(), false);
    h.agent.updateTtlCheck("service:web", "passing", "");
    assertThat(h.agent.deregisterCriticalServiceAt()).isEmpty();

    h.scheduler.advance(Duration.ofSeconds(30 + 90));

    assertThat(h.agent.services()).isEmpty();
  }

  @Test
  void scriptChecksAreRefusedUnlessEnabledForTheirSource() {
    CheckSpecBuilder script = none().name("s").args("sh", "-c", "exit 0").interval(INTERVAL);
    assertThatThrownBy(() -> h.agent.registerCheck(script.build()))
        .hasMessage(AgentValidator.SCRIPTS_DISABLED);
    assertThatThrownBy(() -> h.agent.registerCheck(script.build(), RegistrationSource.FILE))
        .hasMessage(AgentValidator.SCRIPTS_DISABLED);

    h.close();
    h = new AgentHarness(new AgentOptions(false, true, 4096, false, BATCH));
    assertThatThrownBy(() -> h.agent.registerService(
        service("web").check(script).build(), false))
        .isInstanceOf(AgentException.class)
        .hasMessage(AgentValidator.SCRIPTS_DISABLED_REMOTE);
    h.agent.registerService(service("web").check(script).build(), false,
        RegistrationSource.FILE);
    assertThat(h.probes.created).isEqualTo(1);

    h.close();
    h = new AgentHarness(new AgentOptions(true, false, 4096, false, BATCH));
    h.agent.registerCheck(script.build());
    assertThat(h.agent.checks()).containsKey("s");
  }
}
