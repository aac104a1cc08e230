package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.command.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config-file services and checks applied as a difference (start and reload, §14.2). */
class FileReconcileTest {
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final AgentOptions DEFAULTS = AgentOptions.defaults();

  @TempDir Path dir;

  private static FileService file(AgentServiceSpec spec) {
    return new FileService("f.json: service", spec);
  }

  private static FileDefinitions defs(List<FileService> services, List<FileCheck> checks) {
    return new FileDefinitions(services, checks);
  }

  /** Service IDs the commands register or deregister, in order. */
  private static List<String> touched(List<Command> commands) {
    return commands.stream().map(c -> switch (c.getOpCase()) {
      case REGISTER -> "+" + c.getRegister().getService().getId();
      case DEREGISTER -> "-" + c.getDeregister().getServiceId() + c.getDeregister().getCheckId();
      default -> c.getOpCase().name();
    }).toList();
  }

  @Test
  void onlyTheDifferenceIsApplied() {
    try (AgentHarness h = new AgentHarness()) {
      h.agent.start();
      FileService web = file(service("web").port(80).check(ttl(TTL).id("beat")).build());
      FileService api = file(service("api").port(81).build());
      FileService old = file(service("old").port(82).build());
      h.agent.applyFileConfig(defs(List.of(web, api, old), List.of()), DEFAULTS);
      assertThat(touched(h.writer.drain())).containsExactlyInAnyOrder("+web", "+api", "+old");
      h.agent.updateTtlCheck("beat", "passing", "fine");
      h.writer.drain();

      FileService api2 = file(service("api").port(8181).build());
      FileService added = file(service("new").build());
      h.agent.applyFileConfig(defs(List.of(web, api2, added), List.of()), DEFAULTS);

      assertThat(touched(h.writer.drain()))
          .containsExactlyInAnyOrder("+api", "+new", "-old");
      assertThat(h.agent.services().get("api").port()).isEqualTo(8181);
      assertThat(h.agent.services()).doesNotContainKey("old");
      // The unchanged service kept its check's state: not re-registered, not reset.
      assertThat(h.agent.checks().get("beat").status()).isEqualTo("passing");

      h.agent.applyFileConfig(defs(List.of(web, api2, added), List.of()), DEFAULTS);
      assertThat(h.writer.drain()).isEmpty();
    }
  }

  @Test
  void httpRegisteredServicesAreNeverTouched() {
    try (AgentHarness h = new AgentHarness()) {
      h.agent.start();
      h.agent.registerService(service("manual").build(), false);
      FileService web = file(service("web").build());
      h.agent.applyFileConfig(defs(List.of(web), List.of()), DEFAULTS);
      h.agent.applyFileConfig(FileDefinitions.NONE, DEFAULTS);
      assertThat(h.agent.services()).containsOnlyKeys("manual");
    }
  }

  @Test
  void anEntryTakenOverOrRemovedThroughHttpIsRestoredFromItsFile() {
    try (AgentHarness h = new AgentHarness()) {
      h.agent.start();
      FileService web = file(service("web").port(80).build());
      h.agent.applyFileConfig(defs(List.of(web), List.of()), DEFAULTS);
      h.agent.deregisterService("web");
      h.agent.applyFileConfig(defs(List.of(web), List.of()), DEFAULTS);
      assertThat(h.agent.services()).containsKey("web");
    }
  }

  @Test
  void topLevelFileChecksFollowTheirFileToo() {
    try (AgentHarness h = new AgentHarness()) {
      h.agent.start();
      FileService web = file(service("web").build());
      FileCheck node = new FileCheck("f.json: check", ttl(TTL).id("disk").name("disk").build());
      FileCheck onWeb = new FileCheck("f.json: checks[1]",
          ttl(TTL).id("web-ttl").name("web ttl").serviceId("web").build());
      h.agent.applyFileConfig(defs(List.of(web), List.of(node, onWeb)), DEFAULTS);
      assertThat(h.agent.checks()).containsKeys("disk", "web-ttl");
      h.agent.applyFileConfig(defs(List.of(web), List.of(onWeb)), DEFAULTS);
      assertThat(h.agent.checks()).containsKey("web-ttl").doesNotContainKey("disk");
    }
  }

  @Test
  void scriptChecksFromFilesNeedOneOfTheSwitchesAndARefusalChangesNothing() {
    try (AgentHarness h = new AgentHarness()) {
      h.agent.start();
      FileService web = file(service("web").build());
      FileService script = file(service("job").check(CheckSpecBuilder.none().args("/bin/true")
          .interval(Duration.ofSeconds(5))).build());
      h.agent.applyFileConfig(defs(List.of(web), List.of()), DEFAULTS);
      assertThatThrownBy(() -> h.agent.applyFileConfig(defs(List.of(script), List.of()), DEFAULTS))
          .isInstanceOf(AgentException.class)
          .hasMessageContaining("f.json: service")
          .hasMessageContaining("enable_local_script_checks");
      assertThat(h.agent.services()).containsOnlyKeys("web");

      AgentOptions local = new AgentOptions(false, true, 4096, false, Duration.ofMinutes(5));
      h.agent.applyFileConfig(defs(List.of(script), List.of()), local);
      assertThat(h.agent.services()).containsOnlyKeys("job");
      assertThat(h.agent.options()).isEqualTo(local);
      // Local permission does not open the HTTP API to scripts.
      assertThatThrownBy(() -> h.agent.registerService(service("remote")
          .check(CheckSpecBuilder.none().args("/bin/true").interval(Duration.ofSeconds(5)))
          .build(), false)).isInstanceOf(AgentException.class);
    }
  }

  @Test
  void fileServicesAreNotPersistedAndReplaceAStaleHttpCopy() throws Exception {
    FakeClock clock = new FakeClock(AgentHarness.T0);
    try (AgentHarness first = new AgentHarness(dir, clock)) {
      first.agent.start();
      first.agent.registerService(service("web").port(1).build(), false);
      first.agent.applyFileConfig(defs(List.of(file(service("web").port(2).build())), List.of()),
          DEFAULTS);
    }
    assertThat(regularFiles(dir)).isZero();
    try (AgentHarness second = new AgentHarness(dir, clock)) {
      second.agent.start();
      assertThat(second.agent.services()).doesNotContainKey("web");
    }
  }

  private static long regularFiles(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
