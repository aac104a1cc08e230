package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.http;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.Check;
import io.registry.node.check.CheckResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scheduling, thresholds and runner lifecycle of active checks, on the fake clock (§4.4). */
class AgentCheckRunnerTest {
  private static final String URL = "http://127.0.0.1:9000/health";
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private AgentHarness h = new AgentHarness(null, new FakeClock(AgentHarness.T0),
      AgentOptions.defaults(), 3_000);

  @AfterEach
  void close() {
    h.close();
  }

  private Check check() {
    return h.agent.checks().get("service:web");
  }

  private void register(CheckSpecBuilder c) {
    h.agent.registerService(service("web").check(c).build(), false);
  }

  @Test
  void firstRunAfterTheJitterThenEveryInterval() {
    h.probes.answer(URL, CheckResult.passing("ok"));
    register(http(URL, INTERVAL));

    h.scheduler.advance(Duration.ofMillis(2_999));
    assertThat(h.probes.runs(URL)).isZero();
    assertThat(check().status()).isEqualTo("critical");
    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(h.probes.runs(URL)).isEqualTo(1);
    assertThat(check().status()).isEqualTo("passing");
    assertThat(check().output()).isEqualTo("ok");
    h.scheduler.advance(INTERVAL);
    assertThat(h.probes.runs(URL)).isEqualTo(2);
  }

  @Test
  void anIntervalUnderOneSecondIsRaisedToOne() {
    h.close();
    h = new AgentHarness();
    h.probes.answer(URL, CheckResult.passing("ok"));
    register(http(URL, Duration.ofMillis(100)));

    h.scheduler.advance(Duration.ofMillis(999));
    assertThat(h.probes.runs(URL)).isEqualTo(1);
    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(h.probes.runs(URL)).isEqualTo(2);
    assertThat(check().interval()).isEqualTo("1s");
  }

  @Test
  void aSlowProbeIsNeverRunTwiceAtOnce() {
    register(http(URL, INTERVAL));
    h.scheduler.advance(Duration.ofSeconds(3));
    assertThat(h.probes.runs(URL)).isEqualTo(1);

    h.scheduler.advance(Duration.ofSeconds(45));
    assertThat(h.probes.runs(URL)).isEqualTo(1);

    // Finished late: the next run is due at once, not an interval later.
    h.probes.complete(URL, CheckResult.passing("late"));
    h.scheduler.advance(Duration.ZERO);
    assertThat(h.probes.runs(URL)).isEqualTo(2);
    assertThat(check().status()).isEqualTo("passing");
  }

  @Test
  void thresholdsHoldTheStatusUntilEnoughResults() {
    register(http(URL, INTERVAL).status("passing").successBeforePassing(2).failures(2, 3));
    h.probes.answer(URL, CheckResult.passing("ok"));
    h.scheduler.advance(Duration.ofSeconds(3));
    assertThat(check().status()).isEqualTo("passing");

    h.probes.answer(URL, CheckResult.critical("down"));
    h.scheduler.advance(INTERVAL);
    assertThat(check().status()).isEqualTo("passing");
    h.scheduler.advance(INTERVAL);
    assertThat(check().status()).isEqualTo("warning");
    assertThat(check().output()).isEqualTo("down");
    h.scheduler.advance(INTERVAL);
    assertThat(check().status()).isEqualTo("critical");

    h.probes.answer(URL, CheckResult.passing("back"));
    h.scheduler.advance(INTERVAL);
    assertThat(check().status()).isEqualTo("critical");
    h.scheduler.advance(INTERVAL);
    assertThat(check().status()).isEqualTo("passing");
  }

  @Test
  void aStatusChangeReachesTheCatalogAtOnce() {
    h.probes.answer(URL, CheckResult.passing("ok"));
    register(http(URL, INTERVAL));
    h.writer.drain();

    h.scheduler.advance(Duration.ofSeconds(3));

    List<Command> sent = h.writer.drain();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getUpdateChecks().getUpdates(0).getStatus()).isEqualTo("passing");
  }

  @Test
  void deregisterStopsTheRunnerAndCloseStopsThemAll() {
    register(http(URL, INTERVAL));
    h.agent.registerCheck(http("http://other/", INTERVAL).name("node-http").build());
    assertThat(h.probes.created).isEqualTo(2);

    h.agent.deregisterService("web");
    assertThat(h.probes.closed).isEqualTo(1);
    h.scheduler.advance(Duration.ofMinutes(1));
    assertThat(h.probes.runs(URL)).isZero();

    h.agent.close();
    assertThat(h.probes.closed).isEqualTo(2);
    assertThat(h.scheduler.pending()).isZero();
  }

  @Test
  void reRegisteringAnUnchangedCheckKeepsItsRunnerAndState() {
    h.probes.answer(URL, CheckResult.passing("ok"));
    register(http(URL, INTERVAL));
    h.scheduler.advance(Duration.ofSeconds(3));

    register(http(URL, INTERVAL));
    assertThat(h.probes.created).isEqualTo(1);
    assertThat(check().status()).isEqualTo("passing");

    register(http(URL, Duration.ofSeconds(20)));
    assertThat(h.probes.created).isEqualTo(2);
    assertThat(h.probes.closed).isEqualTo(1);
  }

  @Test
  void resultsOfAReplacedRunnerAreDropped() {
    register(http(URL, INTERVAL));
    h.scheduler.advance(Duration.ofSeconds(3));
    register(http(URL, Duration.ofSeconds(20)));

    h.probes.complete(URL, CheckResult.passing("stale"));

    assertThat(check().status()).isEqualTo("critical");
  }

  @Test
  void theOutputCapIsTheLowerOfTheCheckAndTheAgent() {
    h.close();
    h = new AgentHarness(new AgentOptions(false, false, 50, false, Duration.ofMinutes(5)));
    register(http(URL, INTERVAL).outputMaxSize(100));
    h.agent.registerCheck(http("http://b/", INTERVAL).name("b").outputMaxSize(20).build());

    assertThat(h.probes.caps).containsEntry(URL, 50).containsEntry("http://b/", 20);
  }
}
