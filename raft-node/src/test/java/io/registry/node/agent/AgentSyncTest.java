package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.Register;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the agent proposes to the catalog, and how failed pushes are retried. */
class AgentSyncTest {
  /** Longer than any test runs the sync, so no expiry mixes into the retry assertions. */
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration SYNC = AntiEntropy.SYNC_INTERVAL;
  private final AgentHarness h = new AgentHarness();
  private final AgentState agent = h.agent;
  private final FakeWriter writer = h.writer;

  @BeforeEach
  void start() {
    agent.start();
    assertThat(writer.drain()).isEmpty();
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static Register onlyRegister(List<Command> commands) {
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).getOpCase()).isEqualTo(Command.OpCase.REGISTER);
    return commands.get(0).getRegister();
  }

  @Test
  void serviceAndItsChecksGoAsOneRegisterThatSkipsTheNodeUpdate() {
    agent.registerService(service("web").id("web-1").tags("v1").port(8080)
        .check(ttl(TTL)).build(), false);

    Register r = onlyRegister(writer.drain());
    assertThat(r.getSkipNodeUpdate()).isTrue();
    assertThat(r.getNode().getName()).isEqualTo("node-1");
    assertThat(r.getNode().getId()).isEqualTo(AgentHarness.SELF.nodeId());
    assertThat(r.getNode().getAddress()).isEqualTo("10.0.0.1");
    assertThat(r.getNode().getDatacenter()).isEqualTo("dc1");
    assertThat(r.getService().getId()).isEqualTo("web-1");
    assertThat(r.getService().getName()).isEqualTo("web");
    assertThat(r.getService().getTagsList()).containsExactly("v1");
    assertThat(r.getService().getPort()).isEqualTo(8080);
    assertThat(r.getService().getWeightPassing()).isEqualTo(1);
    assertThat(r.getService().getTaggedAddressesMap()).containsKey("lan");
    CheckRow c = r.getChecks(0);
    assertThat(c.getCheckId()).isEqualTo("service:web-1");
    assertThat(c.getServiceId()).isEqualTo("web-1");
    assertThat(c.getStatus()).isEqualTo("critical");
    assertThat(c.getType()).isEqualTo("ttl");
  }

  @Test
  void nodeLevelCheckGoesWithoutService() {
    agent.setNodeMaintenance(true, "upgrade");

    Register r = onlyRegister(writer.drain());
    assertThat(r.hasService()).isFalse();
    assertThat(r.getSkipNodeUpdate()).isTrue();
    assertThat(r.getChecksList()).extracting(CheckRow::getCheckId)
        .containsExactly("_node_maintenance");
    assertThat(r.getChecks(0).getNotes()).isEqualTo("upgrade");
  }

  @Test
  void serviceCheckGoesWithItsService() {
    agent.registerService(service("web").build(), false);
    writer.drain();

    agent.registerCheck(ttl(TTL).name("mem").serviceId("web").build());

    Register r = onlyRegister(writer.drain());
    assertThat(r.getService().getId()).isEqualTo("web");
    assertThat(r.getChecksList()).extracting(CheckRow::getCheckId).containsExactly("mem");
  }

  @Test
  void removalsAreDeregisters() {
    agent.registerService(service("web").check(ttl(TTL).id("a")).check(ttl(TTL).id("b"))
        .build(), false);
    writer.drain();

    agent.deregisterCheck("a");
    List<Command> first = writer.drain();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).getDeregister().getNode()).isEqualTo("node-1");
    assertThat(first.get(0).getDeregister().getCheckId()).isEqualTo("a");

    agent.deregisterService("web");
    List<Command> second = writer.drain();
    assertThat(second).hasSize(1);
    assertThat(second.get(0).getDeregister().getServiceId()).isEqualTo("web");
    assertThat(second.get(0).getDeregister().getCheckId()).isEmpty();
  }

  @Test
  void replacedChecksAreDeregistered() {
    agent.registerService(service("web").check(ttl(TTL).id("a")).check(ttl(TTL).id("b"))
        .build(), false);
    writer.drain();

    agent.registerService(service("web").check(ttl(TTL).id("a")).build(), true);

    List<Command> cmds = writer.drain();
    assertThat(cmds).extracting(Command::getOpCase)
        .containsExactly(Command.OpCase.REGISTER, Command.OpCase.DEREGISTER);
    assertThat(cmds.get(0).getRegister().getChecksList()).extracting(CheckRow::getCheckId)
        .containsExactly("a");
    assertThat(cmds.get(1).getDeregister().getCheckId()).isEqualTo("b");
  }

  @Test
  void ttlChangesAreUpdateChecksAndIdenticalHeartbeatsAreFree() {
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    writer.drain();

    agent.updateTtlCheck("service:web", "passing", "ok");
    List<Command> cmds = writer.drain();
    assertThat(cmds).hasSize(1);
    CheckUpdate u = cmds.get(0).getUpdateChecks().getUpdates(0);
    assertThat(u.getNode()).isEqualTo("node-1");
    assertThat(u.getCheckId()).isEqualTo("service:web");
    assertThat(u.getStatus()).isEqualTo("passing");
    assertThat(u.getOutput()).isEqualTo("ok");

    // The same status and output again is a heartbeat only: no Raft write.
    agent.updateTtlCheck("service:web", "passing", "ok");
    assertThat(writer.drain()).isEmpty();

    h.scheduler.advance(TTL);
    List<Command> expiry = writer.drain();
    assertThat(expiry).hasSize(1);
    assertThat(expiry.get(0).getUpdateChecks().getUpdates(0).getStatus()).isEqualTo("critical");
    assertThat(expiry.get(0).getUpdateChecks().getUpdates(0).getOutput())
        .isEqualTo("TTL expired (last output before timeout follows): ok");
  }

  @Test
  void failedPushIsRetriedByThePeriodicSyncUntilItSucceeds() {
    writer.mode(FakeWriter.Mode.FAIL);
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    assertThat(writer.drain()).hasSize(1);
    assertThat(agent.services()).containsOnlyKeys("web");

    h.scheduler.advance(SYNC);
    assertThat(onlyRegister(writer.drain()).getService().getId()).isEqualTo("web");

    writer.mode(FakeWriter.Mode.ACCEPT);
    h.scheduler.advance(SYNC);
    assertThat(onlyRegister(writer.drain()).getChecksCount()).isEqualTo(1);

    h.scheduler.advance(SYNC);
    assertThat(writer.drain()).isEmpty();
  }

  @Test
  void aRefusalByTheCatalogIsRetriedToo() {
    writer.mode(FakeWriter.Mode.REFUSE);
    agent.setNodeMaintenance(true, null);
    writer.drain();

    writer.mode(FakeWriter.Mode.ACCEPT);
    h.scheduler.advance(SYNC);
    assertThat(onlyRegister(writer.drain()).getChecks(0).getCheckId())
        .isEqualTo("_node_maintenance");
    h.scheduler.advance(SYNC);
    assertThat(writer.drain()).isEmpty();
  }

  @Test
  void aTombstoneStaysUntilItsDeregisterSucceeded() {
    agent.registerService(service("web").build(), false);
    writer.mode(FakeWriter.Mode.FAIL);
    agent.deregisterService("web");
    writer.drain();
    assertThat(agent.services()).isEmpty();

    writer.mode(FakeWriter.Mode.ACCEPT);
    h.scheduler.advance(SYNC);
    List<Command> retry = writer.drain();
    assertThat(retry).hasSize(1);
    assertThat(retry.get(0).getDeregister().getServiceId()).isEqualTo("web");

    h.scheduler.advance(SYNC);
    assertThat(writer.drain()).isEmpty();
  }

  @Test
  void aTtlUpdateOfACheckTheCatalogNeverGotSendsTheWholeRow() {
    writer.mode(FakeWriter.Mode.FAIL);
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    writer.drain();

    writer.mode(FakeWriter.Mode.ACCEPT);
    agent.updateTtlCheck("service:web", "passing", "up");

    Register r = onlyRegister(writer.drain());
    assertThat(r.getChecks(0).getStatus()).isEqualTo("passing");
    assertThat(r.getChecks(0).getOutput()).isEqualTo("up");
  }

  @Test
  void aFailedUpdateChecksIsRetriedAsAWholeRegister() {
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    writer.drain();
    writer.mode(FakeWriter.Mode.FAIL);
    agent.updateTtlCheck("service:web", "warning", "slow");
    assertThat(writer.drain()).extracting(Command::getOpCase)
        .containsExactly(Command.OpCase.UPDATE_CHECKS);

    writer.mode(FakeWriter.Mode.ACCEPT);
    h.scheduler.advance(SYNC);
    Register r = onlyRegister(writer.drain());
    assertThat(r.getChecks(0).getStatus()).isEqualTo("warning");
  }

  @Test
  void resyncAllPushesEverythingAgain() {
    agent.registerService(service("web").check(ttl(TTL)).build(), false);
    agent.setNodeMaintenance(true, null);
    writer.drain();

    agent.resyncAll();

    assertThat(writer.drain()).hasSize(2);
  }

  @Test
  void closeStopsThePeriodicSyncAndTimers() {
    agent.registerCheck(ttl(TTL).name("beat").build());
    // Periodic sync, the DeregisterCriticalServiceAfter reaper and the TTL timer.
    assertThat(h.scheduler.pending()).isEqualTo(3);
    agent.close();
    assertThat(h.scheduler.pending()).isZero();
  }
}
