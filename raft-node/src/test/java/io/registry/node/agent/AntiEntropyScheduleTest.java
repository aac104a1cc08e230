package io.registry.node.agent;

import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the full compare runs: soon after start (at once when the config files are applied),
 * every interval plus its stagger, sooner again after a failed read; and how tag-override
 * services wait for the first compare after a restart.
 */
class AntiEntropyScheduleTest {
  private static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final Duration GRACE = AntiEntropy.STARTUP_GRACE;

  @TempDir Path dir;
  private final CatalogBackend backend = new CatalogBackend();
  private final FakeClock clock = new FakeClock(AgentHarness.T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private AgentState agent;

  private AgentState agent(long jitterMs) {
    agent = new AgentState(AgentHarness.SELF, backend, dir, clock, scheduler,
        AgentOptions.defaults().withAntiEntropyInterval(INTERVAL), new FakeProbes(),
        new FixedJitter(jitterMs), backend.reader());
    return agent;
  }

  @AfterEach
  void close() {
    if (agent != null) {
      agent.close();
    }
  }

  private List<String> catalogServiceIds() {
    return backend.catalog.node(CatalogBackend.NODE).value().services().stream()
        .map(Service::id).toList();
  }

  private static ServiceRow row(String id) {
    return ServiceRow.newBuilder().setId(id).setName(id).build();
  }

  @Test
  void withoutConfigFilesTheFirstCompareRunsAfterTheStartupGrace() {
    backend.joinAsServer();
    backend.registerExternally(row("stray"));
    agent(0).start();
    assertThat(backend.reads()).isZero();

    scheduler.advance(GRACE);

    assertThat(backend.reads()).isEqualTo(1);
    assertThat(catalogServiceIds()).containsExactly("consul");
  }

  @Test
  void appliedConfigFilesStartTheFirstCompareAndTheirServicesAreNoStrays() {
    backend.joinAsServer();
    // What the previous run registered from its files; "gone" was deleted while it was down.
    backend.registerExternally(row("kept"));
    backend.registerExternally(row("gone"));
    agent(0).start();
    backend.drain();

    agent.applyFileConfig(new FileDefinitions(
        List.of(new FileService("kept.json: service", service("kept").build())), List.of()),
        AgentOptions.defaults().withAntiEntropyInterval(INTERVAL));

    assertThat(backend.reads()).isEqualTo(1);
    assertThat(catalogServiceIds()).containsExactlyInAnyOrder("consul", "kept");
    assertThat(backend.drain()).extracting(Command::getOpCase)
        .containsExactly(Command.OpCase.REGISTER, Command.OpCase.DEREGISTER);
  }

  @Test
  void laterComparesRunEveryIntervalPlusTheStagger() {
    backend.joinAsServer();
    agent(5_000).start();
    agent.registerService(service("web").build(), false);
    scheduler.advance(GRACE.plusSeconds(5)); // the first compare, its stagger included
    assertThat(backend.reads()).isEqualTo(1);
    backend.deregisterServiceExternally("web");

    scheduler.advance(INTERVAL);
    assertThat(backend.reads()).isEqualTo(1);
    scheduler.advance(Duration.ofSeconds(5));

    assertThat(backend.reads()).isEqualTo(2);
    assertThat(catalogServiceIds()).contains("web");
  }

  @Test
  void aFailedReadIsRetriedSoonUntilOneCompareSucceeded() {
    backend.joinAsServer();
    backend.readsFail(true);
    agent(0).start();
    CompletableFuture<?> first = agent.syncFull();
    assertThat(first).isCompletedExceptionally();

    scheduler.advance(AntiEntropy.FIRST_RETRY);
    assertThat(backend.reads()).isEqualTo(2);
    backend.readsFail(false);
    scheduler.advance(AntiEntropy.FIRST_RETRY);
    assertThat(backend.reads()).isEqualTo(3);

    scheduler.advance(INTERVAL.minusSeconds(1));
    assertThat(backend.reads()).isEqualTo(3);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(backend.reads()).isEqualTo(4);
  }

  @Test
  void afterARestartTagOverrideServicesWaitForTheFirstCompare() {
    backend.joinAsServer();
    AgentState before = agent(0);
    before.start();
    before.registerService(service("web").tags("v1").enableTagOverride().build(), false);
    before.registerService(service("api").tags("v1").build(), false);
    before.close();
    // Edited in the catalog while the agent was down.
    backend.registerExternally(ServiceRow.newBuilder().setId("web").setName("web")
        .addTags("edited").setEnableTagOverride(true).build());
    backend.drain();

    agent(0).start();
    List<Command> atStart = backend.drain();
    assertThat(atStart).extracting(c -> c.getRegister().getService().getId())
        .containsExactly("api");

    scheduler.advance(GRACE);

    assertThat(agent.services().get("web").tags()).containsExactly("edited");
    Service web = backend.catalog.node(CatalogBackend.NODE).value().services().stream()
        .filter(s -> s.id().equals("web")).findFirst().orElseThrow();
    assertThat(web.tags()).containsExactly("edited");
  }

  @Test
  void closeStopsTheCompares() {
    backend.joinAsServer();
    agent(0).start();
    agent.close();

    scheduler.advance(INTERVAL.multipliedBy(3));

    assertThat(backend.reads()).isZero();
    assertThat(agent.syncFull()).isCompleted();
    assertThat(backend.reads()).isZero();
  }
}
