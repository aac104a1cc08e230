package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.http;
import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.Weights;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Defaults, local views, replacement and maintenance (consul-api.md §4.2, §4.3, §16.8). */
class AgentRegistrationTest {
  private static final Duration TEN_S = Duration.ofSeconds(10);
  private final AgentHarness h = new AgentHarness();
  private final AgentState agent = h.agent;

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void serviceDefaultsAndView() {
    agent.registerService(service("web").tags("v1").port(8080).build(), false);

    Service s = agent.service("web").orElseThrow();
    assertThat(s.id()).isEqualTo("web");
    assertThat(s.node()).isEqualTo("node-1");
    assertThat(s.weights()).isEqualTo(new Weights(1, 1));
    assertThat(s.tags()).containsExactly("v1");
    assertThat(s.createIndex()).isZero();
    assertThat(agent.services()).containsOnlyKeys("web");
  }

  @Test
  void oneServiceCheckGetsServiceIdAndDefaultName() {
    agent.registerService(service("web").id("web-1").tags("v1").check(ttl(TEN_S)).build(), false);

    Check c = agent.checks().get("service:web-1");
    assertThat(c.name()).isEqualTo("Service 'web' check");
    assertThat(c.status()).isEqualTo("critical");
    assertThat(c.type()).isEqualTo("ttl");
    assertThat(c.node()).isEqualTo("node-1");
    assertThat(c.serviceId()).isEqualTo("web-1");
    assertThat(c.serviceName()).isEqualTo("web");
    assertThat(c.serviceTags()).containsExactly("v1");
    assertThat(c.interval()).isEmpty();
  }

  @Test
  void severalServiceChecksAreNumberedInSpecOrder() {
    agent.registerService(service("web").check(ttl(TEN_S).status("passing"))
        .check(http("http://10.0.0.5/health", TEN_S).name("probe"))
        .check(ttl(TEN_S).id("own-id")).build(), false);

    Map<String, Check> checks = agent.checks();
    assertThat(checks.keySet()).containsExactly("own-id", "service:web:1", "service:web:2");
    assertThat(checks.get("service:web:1").status()).isEqualTo("passing");
    assertThat(checks.get("service:web:2").name()).isEqualTo("probe");
  }

  @Test
  void httpCheckKeepsItsDefinitionAndRaisesShortIntervals() {
    agent.registerCheck(http("http://10.0.0.5/health", Duration.ofMillis(200)).name("h")
        .timeout(Duration.ofMillis(1500)).deregisterAfter(Duration.ofMinutes(90)).build());

    Check c = agent.checks().get("h");
    assertThat(c.type()).isEqualTo("http");
    assertThat(c.status()).isEqualTo("critical");
    assertThat(c.interval()).isEqualTo("1s");
    assertThat(c.timeout()).isEqualTo("1.5s");
    assertThat(c.definition().http()).isEqualTo("http://10.0.0.5/health");
    assertThat(c.definition().header()).containsEntry("X-Probe", List.of("1"));
    assertThat(c.definition().interval()).isEqualTo("1s");
    assertThat(c.definition().deregisterCriticalServiceAfter()).isEqualTo("1h30m0s");
    assertThat(c.serviceId()).isEmpty();
  }

  @Test
  void tcpAndGrpcChecksGetTheirTypes() {
    agent.registerCheck(CheckSpecBuilder.none().name("t").tcp("10.0.0.5:80").interval(TEN_S)
        .build());
    agent.registerCheck(CheckSpecBuilder.none().name("g").grpc("10.0.0.5:9000").interval(TEN_S)
        .status("warning").build());

    assertThat(agent.checks().get("t").type()).isEqualTo("tcp");
    assertThat(agent.checks().get("g").type()).isEqualTo("grpc");
    assertThat(agent.checks().get("g").status()).isEqualTo("warning");
  }

  @Test
  void checkIdDefaultsToName() {
    agent.registerService(service("web").build(), false);
    agent.registerCheck(ttl(TEN_S).name("mem").serviceId("web").notes("memory").build());

    Check c = agent.checks().get("mem");
    assertThat(c.serviceId()).isEqualTo("web");
    assertThat(c.serviceName()).isEqualTo("web");
    assertThat(c.notes()).isEqualTo("memory");
  }

  @Test
  void replaceExistingChecksRemovesChecksNotInTheRequest() {
    agent.registerService(service("web").check(ttl(TEN_S).id("a")).check(ttl(TEN_S).id("b"))
        .build(), false);
    agent.registerCheck(ttl(TEN_S).name("extra").serviceId("web").build());
    agent.registerCheck(ttl(TEN_S).name("node-check").build());

    agent.registerService(service("web").check(ttl(TEN_S).id("a")).build(), false);
    assertThat(agent.checks()).containsOnlyKeys("a", "b", "extra", "node-check");

    agent.registerService(service("web").check(ttl(TEN_S).id("a")).build(), true);
    assertThat(agent.checks()).containsOnlyKeys("a", "node-check");
  }

  @Test
  void reRegistrationReplacesTheServiceButKeepsCheckState() {
    agent.registerService(service("web").port(80).check(ttl(TEN_S)).build(), false);
    agent.updateTtlCheck("service:web", "passing", "ok");

    agent.registerService(service("web").port(81).check(ttl(TEN_S)).build(), false);

    assertThat(agent.service("web").orElseThrow().port()).isEqualTo(81);
    Check c = agent.checks().get("service:web");
    assertThat(c.status()).isEqualTo("passing");
    assertThat(c.output()).isEqualTo("ok");
  }

  @Test
  void deregisteringAServiceRemovesItsChecks() {
    agent.registerService(service("web").check(ttl(TEN_S)).build(), false);
    agent.registerService(service("api").check(ttl(TEN_S)).build(), false);

    agent.deregisterService("web");

    assertThat(agent.services()).containsOnlyKeys("api");
    assertThat(agent.checks()).containsOnlyKeys("service:api");
  }

  @Test
  void viewsAreSortedById() {
    for (String name : List.of("zeta", "alpha", "mid")) {
      agent.registerService(service(name).check(ttl(TEN_S)).build(), false);
    }
    assertThat(agent.services().keySet()).containsExactly("alpha", "mid", "zeta");
    assertThat(agent.checks().keySet())
        .containsExactly("service:alpha", "service:mid", "service:zeta");
  }

  @Test
  void nodeMaintenanceOnAndOff() {
    agent.setNodeMaintenance(true, null);
    Check c = agent.checks().get("_node_maintenance");
    assertThat(c.name()).isEqualTo("Node Maintenance Mode");
    assertThat(c.status()).isEqualTo("critical");
    assertThat(c.type()).isEqualTo("maintenance");
    assertThat(c.serviceId()).isEmpty();
    assertThat(c.notes()).isEqualTo("Maintenance mode is enabled for this node, but no reason"
        + " was provided. This is a default message.");

    agent.setNodeMaintenance(true, "second call is a no-op");
    assertThat(agent.checks().get("_node_maintenance").notes()).isEqualTo(c.notes());

    agent.setNodeMaintenance(false, null);
    agent.setNodeMaintenance(false, null);
    assertThat(agent.checks()).isEmpty();

    agent.setNodeMaintenance(true, "kernel upgrade");
    assertThat(agent.checks().get("_node_maintenance").notes()).isEqualTo("kernel upgrade");
  }

  @Test
  void serviceMaintenanceOnAndOff() {
    agent.registerService(service("web").id("web-1").tags("v1").build(), false);

    agent.setServiceMaintenance("web-1", true, null);
    Check c = agent.checks().get("_service_maintenance:web-1");
    assertThat(c.name()).isEqualTo("Service Maintenance Mode");
    assertThat(c.serviceId()).isEqualTo("web-1");
    assertThat(c.serviceName()).isEqualTo("web");
    assertThat(c.status()).isEqualTo("critical");
    assertThat(c.type()).isEqualTo("maintenance");
    assertThat(c.notes()).isEqualTo("Maintenance mode is enabled for this service, but no"
        + " reason was provided. This is a default message.");

    agent.setServiceMaintenance("web-1", false, null);
    assertThat(agent.checks()).isEmpty();

    agent.setServiceMaintenance("web-1", true, "deploy");
    assertThat(agent.checks().get("_service_maintenance:web-1").notes()).isEqualTo("deploy");
    agent.deregisterService("web-1");
    assertThat(agent.checks()).isEmpty();
  }

  @Test
  void deregisterCheckRemovesOnlyThatCheck() {
    agent.registerService(service("web").check(ttl(TEN_S).id("a")).check(ttl(TEN_S).id("b"))
        .build(), false);
    agent.deregisterCheck("a");
    assertThat(agent.checks()).containsOnlyKeys("b");
    assertThat(agent.services()).containsOnlyKeys("web");
  }
}
