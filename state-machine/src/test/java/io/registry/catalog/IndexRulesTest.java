package io.registry.catalog;

import static io.registry.catalog.Commands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.Register;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.Result;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** catalog.md sec. 3 and 4: which writes move which indexes and wake which waiters. */
class IndexRulesTest {
  private final Cat c = new Cat();

  @Test
  void initClusterMovesNoIndexSoIndexOneBlocksOnMissingThings() {
    assertThat(c.catalog.clusterId()).isEqualTo("test-cluster");
    assertThat(c.catalog.appliedIndex()).isEqualTo(1);
    Result<?> missing = c.catalog.service("web", HealthFilter.ANY);
    assertThat(missing.index()).isEqualTo(1);
    assertThat(c.catalog.watch(missing.watchKey(), 1)).isNotDone();
  }

  @Test
  void writeToServiceANeverWakesWaiterOnServiceB() {
    c.ok(register("n1", "a", "a1", List.of()));
    c.ok(register("n1", "b", "b1", List.of()));
    Result<?> b = c.catalog.service("b", HealthFilter.ANY);
    CompletableFuture<Void> waiter = c.catalog.watch(b.watchKey(), b.index());

    c.ok(register("n1", "a", "a1", List.of("changed")));
    c.ok(register("n2", "a", "a2", List.of()));
    c.ok(deregisterService("n1", "a1"));

    assertThat(waiter).isNotDone();
    c.ok(register("n1", "b", "b1", List.of("changed")));
    assertThat(waiter).isDone();
  }

  @Test
  void identicalReRegistrationMovesNoIndex() {
    long first = c.ok(register("n1", "web", "w1", List.of("x"),
        check("c1", "w1", "passing", "fine")));
    Result<?> before = c.catalog.service("web", HealthFilter.ANY);
    CompletableFuture<Void> waiter = c.catalog.watch("table:nodes", first);

    long again = c.ok(register("n1", "web", "w1", List.of("x"),
        check("c1", "w1", "passing", "fine")));

    assertThat(again).isGreaterThan(first);
    assertThat(c.catalog.appliedIndex()).isEqualTo(again);
    assertThat(c.catalog.service("web", HealthFilter.ANY)).isEqualTo(before);
    assertThat(c.catalog.nodes().index()).isEqualTo(first);
    assertThat(c.catalog.checksInState("any").index()).isEqualTo(first);
    assertThat(waiter).isNotDone();
  }

  @Test
  void checkUpdateWithSameStatusAndOutputMovesNoIndex() {
    long first = c.ok(registerChecks("n1", check("c1", "", "warning", "slow")));
    c.ok(update("n1", "c1", "warning", "slow"));
    assertThat(c.catalog.nodeChecks("n1").index()).isEqualTo(first);
    assertThat(c.catalog.nodeChecks("n1").value().get(0).modifyIndex()).isEqualTo(first);
    assertThat(c.catalog.checksInState("warning").index()).isEqualTo(first);
  }

  @Test
  void outputOnlyUpdateWakesNoHealthWaiterButIsServedOnRead() {
    long first = c.ok(register("n1", "web", "w1", List.of(),
        check("c1", "w1", "passing", "old output")));
    Result<?> health = c.catalog.service("web", HealthFilter.PASSING);
    CompletableFuture<Void> onService = c.catalog.watch(health.watchKey(), health.index());
    CompletableFuture<Void> onState = c.catalog.watch("state:passing", first);

    c.ok(update("n1", "c1", "passing", "new output"));

    assertThat(onService).isNotDone();
    assertThat(onState).isNotDone();
    var after = c.catalog.service("web", HealthFilter.PASSING);
    assertThat(after.index()).isEqualTo(first);
    assertThat(after.value().get(0).checks().get(0).output()).isEqualTo("new output");
    assertThat(after.value().get(0).checks().get(0).modifyIndex()).isEqualTo(first);
  }

  @Test
  void nodeLevelCheckFlipBumpsEveryServiceOnThatNodeOnly() {
    c.ok(register("n1", "a", "a1", List.of(), check("serfHealth", "", "passing", "")));
    c.ok(register("n1", "b", "b1", List.of()));
    c.ok(register("n2", "other", "o1", List.of(), check("serfHealth", "", "passing", "")));
    long before = c.catalog.appliedIndex();

    long flip = c.ok(update("n1", "serfHealth", "critical", "Agent not live or unreachable"));

    assertThat(c.catalog.service("a", HealthFilter.ANY).index()).isEqualTo(flip);
    assertThat(c.catalog.service("b", HealthFilter.ANY).index()).isEqualTo(flip);
    assertThat(c.catalog.service("other", HealthFilter.ANY).index()).isLessThanOrEqualTo(before);
    assertThat(c.catalog.service("a", HealthFilter.PASSING).value()).isEmpty();
    assertThat(c.catalog.service("other", HealthFilter.PASSING).value()).hasSize(1);
    assertThat(c.catalog.nodeChecks("n1").index()).isEqualTo(flip);
    assertThat(c.catalog.checksInState("critical").index()).isEqualTo(flip);
    assertThat(c.catalog.checksInState("passing").index()).isEqualTo(flip);
  }

  @Test
  void absentServiceAndKvPrefixWaitersWakeOnAnyTableWrite() {
    c.ok(register("n1", "web", "w1", List.of("blue")));
    Result<?> absentService = c.catalog.service("config-server", HealthFilter.ANY);
    Result<?> absentPrefix = c.catalog.kvList("config/app/");
    assertThat(absentService.watchKey()).isEqualTo("table:services");
    assertThat(absentPrefix.watchKey()).isEqualTo("table:kv");
    CompletableFuture<Void> svcWaiter =
        c.catalog.watch(absentService.watchKey(), absentService.index());
    CompletableFuture<Void> kvWaiter =
        c.catalog.watch(absentPrefix.watchKey(), absentPrefix.index());

    c.ok(register("n2", "unrelated", "u1", List.of()));
    c.ok(kvSet("config/other/x", "1"));

    assertThat(svcWaiter).isDone();
    assertThat(kvWaiter).isDone();
    // Emptied by a filter is not absent: it keeps its own index and key.
    c.ok(registerChecks("n1", check("serfHealth", "", "critical", "")));
    Result<?> filtered = c.catalog.service("web", HealthFilter.PASSING);
    assertThat((List<?>) filtered.value()).isEmpty();
    assertThat(filtered.watchKey()).isEqualTo("svc:web");
  }

  @Test
  void lastInstanceRemovalFallsBackToTableIndexNeverLower() {
    long web = c.ok(register("n1", "web", "w1", List.of()));
    c.ok(register("n2", "api", "a1", List.of()));
    c.ok(register("n2", "api", "a1", List.of("t")));
    Result<?> present = c.catalog.service("web", HealthFilter.ANY);
    assertThat(present.index()).isEqualTo(web);
    CompletableFuture<Void> waiter = c.catalog.watch(present.watchKey(), present.index());

    long removed = c.ok(deregisterService("n1", "w1"));

    assertThat(waiter).isDone();
    Result<?> absent = c.catalog.service("web", HealthFilter.ANY);
    assertThat(absent.watchKey()).isEqualTo("table:services");
    assertThat(absent.index()).isEqualTo(removed).isGreaterThan(present.index());
    assertThat(c.catalog.indexOf("svc:web")).isEqualTo(removed);
  }

  @Test
  void serviceChangeBumpsItsNodeAndNodeChangeBumpsItsServices() {
    c.ok(register("n1", "web", "w1", List.of()));
    long svc = c.ok(register("n1", "web", "w1", List.of("v2")));
    assertThat(c.catalog.node("n1").index()).isEqualTo(svc);
    Command changedNode = Command.newBuilder().setRegister(
        Register.newBuilder().setNode(node("n1").toBuilder().setAddress("10.9.9.9"))).build();
    long nodeChange = c.ok(changedNode);
    assertThat(c.catalog.service("web", HealthFilter.ANY).index()).isEqualTo(nodeChange);
    assertThat(c.catalog.nodes().index()).isEqualTo(nodeChange);
  }
}
