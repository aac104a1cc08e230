package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.http;
import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local state written by one agent and read back by the next (the same data dir). */
class AgentPersistenceTest {
  private static final Duration TTL = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(AgentHarness.T0);

  private AgentHarness agentAt(Duration sinceT0) {
    clock.set(AgentHarness.T0.plus(sinceT0));
    return new AgentHarness(dir, clock);
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void servicesChecksAndMaintenanceSurviveARestart() {
    Map<String, ?> services;
    Map<String, ?> checks;
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.start();
      first.agent.registerService(service("web").id("web/1").tags("v1").port(8080)
          .meta(Map.of("version", "2")).weights(new Weights(3, 1))
          .check(http("http://10.0.0.5/health", Duration.ofSeconds(10)))
          .check(ttl(TTL).id("beat")).build(), false);
      first.agent.updateTtlCheck("beat", "passing", "ok");
      first.agent.setNodeMaintenance(true, "upgrade");
      first.agent.setServiceMaintenance("web/1", true, null);
      services = first.agent.services();
      checks = first.agent.checks();
    }

    try (AgentHarness second = agentAt(Duration.ofSeconds(10))) {
      assertThat(second.agent.services()).isEmpty();
      second.agent.start();

      assertThat(second.agent.services()).isEqualTo(services);
      assertThat(second.agent.checks()).isEqualTo(checks);
      assertThat(second.agent.checks().get("beat").status()).isEqualTo("passing");
      // Start pushes everything: the service with its checks, and the node-level check.
      assertThat(second.writer.commands()).extracting(Command::getOpCase)
          .containsOnly(Command.OpCase.REGISTER).hasSize(2);
    }
  }

  @Test
  void aTtlStateWithinItsDeadlineIsKeptAndExpiresAtThatDeadline() {
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.registerCheck(ttl(TTL).name("beat").build());
      first.agent.updateTtlCheck("beat", "warning", "degraded");
    }

    try (AgentHarness second = agentAt(Duration.ofSeconds(20))) {
      second.agent.start();
      assertThat(second.agent.checks().get("beat").status()).isEqualTo("warning");
      assertThat(second.agent.checks().get("beat").output()).isEqualTo("degraded");

      second.scheduler.advance(Duration.ofSeconds(9));
      assertThat(second.agent.checks().get("beat").status()).isEqualTo("warning");
      second.scheduler.advance(Duration.ofSeconds(1));
      assertThat(second.agent.checks().get("beat").status()).isEqualTo("critical");
      assertThat(second.agent.checks().get("beat").output())
          .isEqualTo("TTL expired (last output before timeout follows): degraded");
    }
  }

  @Test
  void aTtlStatePastItsDeadlineStartsCritical() {
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.registerCheck(ttl(TTL).name("beat").build());
      first.agent.updateTtlCheck("beat", "passing", "ok");
      first.agent.registerCheck(ttl(TTL).name("silent").status("passing").build());
    }

    try (AgentHarness second = agentAt(TTL.plusSeconds(1))) {
      second.agent.start();
      assertThat(second.agent.checks().get("beat").status()).isEqualTo("critical");
      assertThat(second.agent.checks().get("beat").output())
          .isEqualTo("TTL expired (last output before timeout follows): ok");
      assertThat(second.agent.checks().get("silent").status()).isEqualTo("critical");
      assertThat(second.agent.checks().get("silent").output()).isEqualTo("TTL expired");

      // A later update brings it back and arms a fresh timer.
      second.agent.updateTtlCheck("beat", "passing", "again");
      assertThat(second.agent.checks().get("beat").status()).isEqualTo("passing");
    }
  }

  @Test
  void deregisteringDeletesTheFiles() throws IOException {
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.registerService(service("web").check(ttl(TTL)).build(), false);
      first.agent.setNodeMaintenance(true, null);
      assertThat(files(dir)).hasSize(4); // service, check, its TTL state, maintenance check

      first.agent.deregisterService("web");
      first.agent.setNodeMaintenance(false, null);
      assertThat(files(dir)).isEmpty();
    }
    try (AgentHarness second = agentAt(Duration.ZERO)) {
      second.agent.start();
      assertThat(second.agent.services()).isEmpty();
      assertThat(second.agent.checks()).isEmpty();
    }
  }

  @Test
  void replacedChecksLeaveNoFilesBehind() throws IOException {
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.registerService(service("web").check(ttl(TTL).id("a"))
          .check(ttl(TTL).id("b")).build(), false);
      first.agent.registerService(service("web").check(ttl(TTL).id("a")).build(), true);
    }
    try (AgentHarness second = agentAt(Duration.ZERO)) {
      second.agent.start();
      assertThat(second.agent.checks()).containsOnlyKeys("a");
    }
    assertThat(files(dir.resolve("checks"))).hasSize(1);
  }

  @Test
  void anUnreadableFileDoesNotStopTheRest() throws IOException {
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.registerService(service("web").build(), false);
    }
    Files.writeString(dir.resolve("services").resolve("garbage.json"), "{not json");
    Files.writeString(dir.resolve("services").resolve("half.json.123.tmp"), "{\"id\":");

    try (AgentHarness second = agentAt(Duration.ZERO)) {
      second.agent.start();
      assertThat(second.agent.services()).containsOnlyKeys("web");
    }
    assertThat(dir.resolve("services").resolve("half.json.123.tmp")).doesNotExist();
  }

  @Test
  void aCheckWhoseServiceIsGoneIsDropped() throws IOException {
    try (AgentHarness first = agentAt(Duration.ZERO)) {
      first.agent.registerService(service("web").check(ttl(TTL)).build(), false);
    }
    Files.delete(dir.resolve("services").resolve(LocalStore.fileName("web")));

    try (AgentHarness second = agentAt(Duration.ZERO)) {
      second.agent.start();
      assertThat(second.agent.checks()).isEmpty();
    }
    assertThat(files(dir.resolve("checks"))).isEmpty();
  }

  @Test
  void fileNamesAreUrlSafeAndBounded() {
    assertThat(LocalStore.fileName("web/1")).isEqualTo("d2ViLzE.json");
    assertThat(LocalStore.fileName("x".repeat(1000))).startsWith("sha256-").hasSize(7 + 64 + 5);
  }
}
