package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Check;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TTL checks defined in config files resume, after a restart, the status and the deadline
 * they had, as HTTP-registered ones do; but only while the file still defines them the same.
 */
class FileTtlResumeTest {
  private static final Duration TTL = Duration.ofSeconds(60);
  private static final AgentOptions DEFAULTS = AgentOptions.defaults();

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(AgentHarness.T0);

  private static FileDefinitions webWith(CheckSpecBuilder check) {
    return new FileDefinitions(
        List.of(new FileService("web.json: service", service("web").check(check).build())),
        List.of());
  }

  private static FileDefinitions nodeCheck(CheckSpecBuilder check) {
    return new FileDefinitions(List.of(), List.of(new FileCheck("disk.json: check",
        check.build())));
  }

  /** An agent on the shared data dir, started at T0 + sinceT0, with the files applied. */
  private AgentHarness agentAt(Duration sinceT0, FileDefinitions files) {
    clock.set(AgentHarness.T0.plus(sinceT0));
    AgentHarness h = new AgentHarness(dir, clock);
    h.agent.start();
    h.agent.applyFileConfig(files, DEFAULTS);
    return h;
  }

  private static Check beat(AgentHarness h) {
    return h.agent.checks().get("beat");
  }

  @Test
  void aServiceCheckKeepsTheTimeThatWasLeft() {
    FileDefinitions files = webWith(ttl(TTL).id("beat"));
    try (AgentHarness first = agentAt(Duration.ZERO, files)) {
      first.agent.updateTtlCheck("beat", "passing", "fine");
    }

    // 15 s later: 45 s of the 60 s are left, not a fresh 60 s and not none.
    try (AgentHarness second = agentAt(Duration.ofSeconds(15), files)) {
      assertThat(beat(second).status()).isEqualTo("passing");
      assertThat(beat(second).output()).isEqualTo("fine");
      second.scheduler.advance(Duration.ofSeconds(44));
      assertThat(beat(second).status()).isEqualTo("passing");
      second.scheduler.advance(Duration.ofSeconds(1));
      assertThat(beat(second).status()).isEqualTo("critical");
      assertThat(beat(second).output())
          .isEqualTo("TTL expired (last output before timeout follows): fine");
    }
  }

  @Test
  void aTopLevelCheckResumesToo() {
    FileDefinitions files = nodeCheck(ttl(TTL).id("beat").name("beat"));
    try (AgentHarness first = agentAt(Duration.ZERO, files)) {
      first.agent.updateTtlCheck("beat", "warning", "slow");
    }
    try (AgentHarness second = agentAt(Duration.ofSeconds(30), files)) {
      assertThat(beat(second).status()).isEqualTo("warning");
      second.scheduler.advance(Duration.ofSeconds(30));
      assertThat(beat(second).status()).isEqualTo("critical");
    }
  }

  @Test
  void aChangedDefinitionStartsAfresh() {
    try (AgentHarness first = agentAt(Duration.ZERO, webWith(ttl(TTL).id("beat")))) {
      first.agent.updateTtlCheck("beat", "passing", "fine");
    }
    FileDefinitions longer = webWith(ttl(TTL.multipliedBy(2)).id("beat"));
    try (AgentHarness second = agentAt(Duration.ofSeconds(15), longer)) {
      // A new check starts critical (§4.4), with a full TTL of its own.
      assertThat(beat(second).status()).isEqualTo("critical");
      assertThat(beat(second).output()).isEmpty();
      second.scheduler.advance(TTL.multipliedBy(2).minusSeconds(1));
      assertThat(beat(second).output()).isEmpty();
      second.scheduler.advance(Duration.ofSeconds(1));
      assertThat(beat(second).output()).isEqualTo("TTL expired");
    }
  }

  @Test
  void aStatePastItsDeadlineStartsCritical() {
    FileDefinitions files = webWith(ttl(TTL).id("beat"));
    try (AgentHarness first = agentAt(Duration.ZERO, files)) {
      first.agent.updateTtlCheck("beat", "passing", "fine");
    }
    try (AgentHarness second = agentAt(TTL.plusSeconds(1), files)) {
      assertThat(beat(second).status()).isEqualTo("critical");
      assertThat(beat(second).output())
          .isEqualTo("TTL expired (last output before timeout follows): fine");
      // The application reporting again brings it back.
      second.agent.updateTtlCheck("beat", "passing", "again");
      assertThat(beat(second).status()).isEqualTo("passing");
    }
  }
}
