package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.http;
import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.RowCodec;
import io.registry.node.check.CheckResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of the full compare, against a real catalog: what the agent owns is repaired,
 * what it does not own on its node is deregistered, the node's own rows are left alone, and
 * EnableTagOverride lets the catalog's tags win.
 */
class AntiEntropyCompareTest {
  private static final Duration TTL = Duration.ofMinutes(10);

  private final CatalogBackend backend = new CatalogBackend();
  private final FakeClock clock = new FakeClock(AgentHarness.T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final FakeProbes probes = new FakeProbes();
  private AgentState agent;

  @BeforeEach
  void start() {
    backend.joinAsServer();
    agent = new AgentState(AgentHarness.SELF, backend, null, clock, scheduler,
        AgentOptions.defaults(), probes, new FixedJitter(0), backend.reader());
    agent.start();
  }

  @AfterEach
  void close() {
    agent.close();
  }

  private CatalogCompare.Outcome compare() {
    return (CatalogCompare.Outcome) agent.syncFull().join();
  }

  private Map<String, Service> catalogServices() {
    return byId(backend.catalog.node(CatalogBackend.NODE).value().services(), Service::id);
  }

  private Map<String, Check> catalogChecks() {
    return byId(backend.catalog.nodeChecks(CatalogBackend.NODE).value(), Check::checkId);
  }

  private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
    return rows.stream().collect(Collectors.toMap(id, r -> r));
  }

  private static List<String> ops(List<Command> commands) {
    return commands.stream().map(c -> switch (c.getOpCase()) {
      case REGISTER -> "+" + c.getRegister().getService().getId()
          + c.getRegister().getChecksList().stream().map(CheckRow::getCheckId).toList();
      case DEREGISTER -> "-" + c.getDeregister().getServiceId() + c.getDeregister().getCheckId();
      default -> c.getOpCase().name();
    }).toList();
  }

  private void registerWeb() {
    agent.registerService(service("web").id("web-1").tags("v1").port(8080)
        .check(ttl(TTL)).build(), false);
    agent.setNodeMaintenance(true, "upgrade");
    agent.registerService(service("plain").build(), false);
  }

  @Test
  void whatThePushesWroteComparesEqualAndCausesNoWrite() {
    registerWeb();
    backend.drain();

    assertThat(compare()).isEqualTo(CatalogCompare.Outcome.NONE);
    assertThat(backend.drain()).isEmpty();
  }

  @Test
  void serviceDeregisteredInTheCatalogComesBackWithItsChecks() {
    registerWeb();
    backend.deregisterServiceExternally("web-1");
    backend.drain();

    CatalogCompare.Outcome o = compare();

    assertThat(o.resynced()).isEqualTo(2); // the service and its check
    assertThat(ops(backend.drain())).containsExactly("+web-1[service:web-1]");
    assertThat(catalogServices().get("web-1").tags()).containsExactly("v1");
    assertThat(catalogChecks()).containsKey("service:web-1");
  }

  @Test
  void serviceChangedInTheCatalogIsOverwrittenWithTheLocalOne() {
    registerWeb();
    backend.registerExternally(ServiceRow.newBuilder().setId("web-1").setName("web")
        .addTags("hacked").setPort(9999).build());

    compare();

    Service web = catalogServices().get("web-1");
    assertThat(web.tags()).containsExactly("v1");
    assertThat(web.port()).isEqualTo(8080);
  }

  @Test
  void checkStatusAndOutputChangedInTheCatalogAreRepaired() {
    registerWeb();
    agent.updateTtlCheck("service:web-1", "warning", "slow");
    backend.updateCheckExternally("service:web-1", "passing", "all good");
    backend.updateCheckExternally("_node_maintenance", "warning", "");

    assertThat(compare().resynced()).isEqualTo(2);

    assertThat(catalogChecks().get("service:web-1").status()).isEqualTo("warning");
    assertThat(catalogChecks().get("service:web-1").output()).isEqualTo("slow");
    assertThat(catalogChecks().get("_node_maintenance").status()).isEqualTo("critical");
  }

  @Test
  void outputOnlyDriftIsRepairedToo() {
    registerWeb();
    agent.updateTtlCheck("service:web-1", "passing", "ok");
    backend.updateCheckExternally("service:web-1", "passing", "other output");

    assertThat(compare().resynced()).isEqualTo(1);

    assertThat(catalogChecks().get("service:web-1").output()).isEqualTo("ok");
  }

  @Test
  void entriesWhosePushIsPendingAreLeftAloneAndTheCompareEndsWithAPush() {
    backend.writesFail(true);
    agent.registerService(service("web").id("web-1").build(), false);
    backend.writesFail(false);
    backend.drain();

    assertThat(compare().resynced()).isZero();

    assertThat(ops(backend.drain())).containsExactly("+web-1[]");
    assertThat(catalogServices()).containsKey("web-1");
  }

  @Test
  void outputWaitingForItsBatchIsNoDrift() {
    String url = "http://10.0.0.5/health";
    agent.registerService(service("web").check(http(url, Duration.ofSeconds(10))).build(),
        false);
    probes.answer(url, CheckResult.passing("first"));
    scheduler.advance(Duration.ZERO); // a first output goes at once
    probes.answer(url, CheckResult.passing("second"));
    scheduler.advance(Duration.ofSeconds(10)); // a later one waits for the 5 min batch
    assertThat(agent.checks().get("service:web").output()).isEqualTo("second");
    assertThat(catalogChecks().get("service:web").output()).isEqualTo("first");
    backend.drain();

    assertThat(compare()).isEqualTo(CatalogCompare.Outcome.NONE);
    assertThat(backend.drain()).isEmpty();
  }

  @Test
  void strayServicesAndChecksOnThisNodeAreDeregistered() {
    registerWeb();
    backend.registerExternally(ServiceRow.newBuilder().setId("stray").setName("stray").build(),
        CheckRow.newBuilder().setCheckId("stray-check").setName("c").setServiceId("stray")
            .setStatus("passing").build());
    backend.registerExternally(null, CheckRow.newBuilder().setCheckId("node-stray")
        .setName("n").setStatus("passing").build());
    backend.drain();

    CatalogCompare.Outcome o = compare();

    assertThat(o.strays()).isEqualTo(2); // the service (its check goes with it) and the check
    assertThat(ops(backend.drain())).containsExactlyInAnyOrder("-stray", "-node-stray");
    assertThat(catalogServices()).doesNotContainKey("stray");
    assertThat(catalogChecks()).doesNotContainKeys("stray-check", "node-stray");
    assertThat(catalogServices()).containsKeys("web-1", "plain");
    // The stray's tombstone is dropped once the catalog acknowledged it: nothing left to push.
    assertThat(compare()).isEqualTo(CatalogCompare.Outcome.NONE);
    assertThat(backend.drain()).isEmpty();
  }

  @Test
  void theNodesOwnRowsAreNeverTouched() {
    registerWeb();
    backend.updateCheckExternally("serfHealth", "critical", "Agent not live or unreachable");
    backend.drain();

    assertThat(compare()).isEqualTo(CatalogCompare.Outcome.NONE);

    assertThat(backend.drain()).isEmpty();
    assertThat(catalogServices()).containsKey("consul");
    assertThat(catalogChecks().get("serfHealth").status()).isEqualTo("critical");
    assertThat(agent.services()).doesNotContainKey("consul");
    assertThat(agent.checks()).doesNotContainKey("serfHealth");
  }

  @Test
  void idsMatchCaseInsensitivelyAsInTheCatalog() {
    agent.registerService(service("Web").id("Web-1").check(ttl(TTL).id("Beat")).build(), false);
    backend.drain();

    assertThat(compare()).isEqualTo(CatalogCompare.Outcome.NONE);
    assertThat(backend.drain()).isEmpty();
  }

  @Test
  void withEnableTagOverrideTheCatalogsTagsWinAndAreAdopted() {
    compare(); // the first compare after start releases held tag-override services
    agent.registerService(service("web").id("web-1").tags("v1").enableTagOverride().build(),
        false);
    // The same row with other tags, as a catalog API edit would write it.
    backend.registerExternally(RowCodec.serviceRow(agent.services().get("web-1")).toBuilder()
        .clearTags().addTags("edited").build());
    backend.drain();

    CatalogCompare.Outcome o = compare();

    assertThat(o.tagsAdopted()).isEqualTo(1);
    assertThat(o.resynced()).isZero();
    assertThat(backend.drain()).isEmpty();
    assertThat(catalogServices().get("web-1").tags()).containsExactly("edited");
    assertThat(agent.services().get("web-1").tags()).containsExactly("edited");
  }

  @Test
  void withEnableTagOverrideOtherFieldsAreStillRepaired() {
    agent.registerService(service("web").id("web-1").tags("v1").port(80).enableTagOverride()
        .build(), false);
    backend.registerExternally(ServiceRow.newBuilder().setId("web-1").setName("web")
        .addTags("edited").setPort(81).setEnableTagOverride(true).build());

    CatalogCompare.Outcome o = compare();

    assertThat(o.tagsAdopted()).isEqualTo(1);
    Service web = catalogServices().get("web-1");
    assertThat(web.port()).isEqualTo(80);
    assertThat(web.tags()).containsExactly("edited");
  }

  @Test
  void aNodeMissingFromTheCatalogIsNotRecreated() {
    registerWeb();
    backend.deregisterNodeExternally();
    backend.drain();

    assertThat(compare()).isEqualTo(CatalogCompare.Outcome.NONE);

    assertThat(backend.drain()).isEmpty();
    assertThat(backend.catalog.node(CatalogBackend.NODE).value()).isNull();
  }
}
