package io.registry.catalog;

import static io.registry.catalog.Commands.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation, defaults and all-or-nothing of the apply switch (catalog.md sec. 2). */
class ApplyRulesTest {
  private final Cat c = new Cat();

  @Test
  void registerIsAllOrNothingOnValidationError() {
    c.ok(register("n1", "web", "w1", List.of()));
    List<Object> before = everyQuery();
    Command bad = Command.newBuilder().setRegister(Register.newBuilder()
        .setNode(node("n1").toBuilder().setAddress("10.1.1.1"))
        .setService(ServiceRow.newBuilder().setName("api").setId("a1"))
        .addChecks(check("ok", "a1", "passing", ""))
        .addChecks(check("bad", "ghost", "passing", ""))).build();

    ApplyResult result = c.apply(bad);

    assertThat(result.ok()).isFalse();
    assertThat(result.error()).startsWith("Missing service registration");
    assertThat(everyQuery()).isEqualTo(before);
    assertThat(c.catalog.node("n1").value().node().address()).isNotEqualTo("10.1.1.1");
  }

  @Test
  void registerValidationMessagesAreConsuls() {
    assertThat(error(Register.newBuilder().setNode(NodeRow.newBuilder().setAddress("1.2.3.4"))))
        .isEqualTo("Must provide node");
    assertThat(error(Register.newBuilder().setNode(NodeRow.newBuilder().setName("n"))))
        .isEqualTo("Must provide address if SkipNodeUpdate is not set");
    assertThat(error(Register.newBuilder().setNode(node("n")).setService(ServiceRow.newBuilder())))
        .isEqualTo("Must provide service name");
    for (String any : List.of("0.0.0.0", "::", "[::]")) {
      assertThat(error(Register.newBuilder().setNode(node("n"))
          .setService(ServiceRow.newBuilder().setName("s").setAddress(any))))
          .isEqualTo("Invalid service address");
    }
    assertThat(error(Register.newBuilder().setNode(node("n").toBuilder().setId("not-a-uuid"))))
        .startsWith("Bad node ID: ");
    assertThat(c.catalog.nodes().value()).isEmpty();
    assertThat(c.ok(Command.newBuilder().setRegister(Register.newBuilder()
        .setNode(node("n").toBuilder().setId("3e1c1f2a-0000-4b5c-9d6e-0123456789ab"))).build()))
        .isPositive();
  }

  @Test
  void registerAppliesCatalogDefaults() {
    c.ok(Command.newBuilder().setRegister(Register.newBuilder().setNode(node("n1"))
        .setService(ServiceRow.newBuilder().setName("web"))
        .addChecks(CheckRow.newBuilder().setName("alive").setServiceId("web"))).build());
    Service s = c.catalog.node("n1").value().services().get(0);
    assertThat(s.id()).isEqualTo("web");
    assertThat(s.weights()).isEqualTo(Weights.DEFAULT);
    var check = c.catalog.nodeChecks("n1").value().get(0);
    assertThat(check.checkId()).isEqualTo("alive");
    assertThat(check.status()).isEqualTo("critical");
    assertThat(check.serviceName()).isEqualTo("web");
  }

  @Test
  void skipNodeUpdateKeepsTheNodeRowButCreatesAMissingOne() {
    long created = c.ok(register("n1", null, "", List.of()));
    Command skip = Command.newBuilder().setRegister(Register.newBuilder().setSkipNodeUpdate(true)
        .setNode(NodeRow.newBuilder().setName("N1"))).build();
    c.ok(skip);
    assertThat(c.catalog.node("n1").value().node().modifyIndex()).isEqualTo(created);
    assertThat(c.catalog.node("n1").value().node().name()).isEqualTo("n1");
    c.ok(Command.newBuilder().setRegister(Register.newBuilder().setSkipNodeUpdate(true)
        .setNode(NodeRow.newBuilder().setName("fresh"))).build());
    assertThat(c.catalog.node("fresh").value()).isNotNull();
  }

  @Test
  void namesMatchCaseInsensitivelyAndKeepTheirSpelling() {
    c.ok(register("Node-A", "Web", "Web-1", List.of("b", "a")));
    c.ok(register("node-b", "WEB", "web-2", List.of("a")));
    assertThat(c.catalog.service("web", HealthFilter.ANY).value())
        .extracting(i -> i.service().id()).containsExactly("Web-1", "web-2");
    assertThat(c.catalog.services().value()).containsOnlyKeys("Web")
        .containsEntry("Web", List.of("a", "b"));
    assertThat(c.catalog.node("NODE-A").value().node().name()).isEqualTo("Node-A");
  }

  @Test
  void deregisterRemovesCascadesAndAbsentTargetsSucceed() {
    c.ok(register("n1", "web", "w1", List.of(), check("c1", "w1", "passing", ""),
        check("serfHealth", "", "passing", "")));
    c.ok(register("n1", "api", "a1", List.of(), check("c2", "a1", "passing", "")));
    c.ok(deregisterService("n1", "W1"));
    assertThat(c.catalog.nodeChecks("n1").value()).extracting(x -> x.checkId())
        .containsExactly("c2", "serfHealth");
    c.ok(deregisterCheck("n1", "c2"));
    long noop = c.ok(deregisterService("n1", "ghost"));
    assertThat(c.catalog.nodes().index()).isLessThan(noop);
    long gone = c.ok(deregisterNode("n1"));
    assertThat(c.catalog.nodes().value()).isEmpty();
    assertThat(c.catalog.checksInState("any").value()).isEmpty();
    assertThat(c.catalog.service("api", HealthFilter.ANY).index()).isEqualTo(gone);
    assertThat(c.catalog.node("n1").index()).isEqualTo(gone);
    assertThat(c.ok(deregisterNode("n1"))).isPositive();
  }

  @Test
  void updateChecksValidatesStatusAndReportsUnknownChecks() {
    c.ok(registerChecks("n1", check("c1", "", "passing", "")));
    assertThat(c.apply(update("n1", "c1", "bogus", "")).ok()).isFalse();
    ApplyResult unknown = c.apply(update("n1", "ghost", "passing", ""));
    assertThat(unknown.ok()).isTrue();
    assertThat(unknown.value()).isFalse();
  }

  @Test
  void unknownCommandWithSkipFlagIsNoOpAndWithoutItHalts() {
    c.ok(kvSet("k", "v"));
    long tableKv = c.catalog.indexOf("table:kv");
    Command future = Command.newBuilder().setVersion(99).setSkipIfUnknown(true).build();
    ApplyResult skipped = c.apply(future);
    assertThat(skipped.ok()).isTrue();
    assertThat(c.catalog.appliedIndex()).isEqualTo(skipped.index());
    assertThat(c.catalog.indexOf("table:kv")).isEqualTo(tableKv);

    long applied = c.catalog.appliedIndex();
    Command halting = Command.newBuilder().setVersion(99).build();
    assertThatThrownBy(() -> c.apply(halting))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("upgrade required");
    assertThat(c.catalog.appliedIndex()).isEqualTo(applied);
  }

  @Test
  void initClusterRefusesADifferentId() {
    assertThat(c.apply(init("test-cluster")).ok()).isTrue();
    assertThat(c.apply(init("other")).ok()).isFalse();
    assertThat(c.catalog.clusterId()).isEqualTo("test-cluster");
  }

  @Test
  void skipMovesOnlyTheAppliedIndex() {
    long kv = c.catalog.indexOf("table:kv");
    c.catalog.skip(50);
    assertThat(c.catalog.appliedIndex()).isEqualTo(50);
    assertThat(c.catalog.indexOf("table:kv")).isEqualTo(kv);
    assertThatThrownBy(() -> c.catalog.apply(50, kvSet("k", "v")))
        .isInstanceOf(IllegalStateException.class);
  }

  private String error(Register.Builder register) {
    ApplyResult result = c.apply(Command.newBuilder().setRegister(register).build());
    assertThat(result.ok()).isFalse();
    return result.error();
  }

  private List<Object> everyQuery() {
    return List.of(c.catalog.nodes(), c.catalog.services(), c.catalog.node("n1"),
        c.catalog.service("api", HealthFilter.ANY), c.catalog.service("web", HealthFilter.ANY),
        c.catalog.nodeChecks("n1"), c.catalog.checksInState("any"));
  }
}
