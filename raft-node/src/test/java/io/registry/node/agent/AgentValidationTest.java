package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.http;
import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.model.Weights;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refused calls answer Consul's status and text, and change nothing. */
class AgentValidationTest {
  private static final Duration TEN_S = Duration.ofSeconds(10);
  private final AgentHarness h = new AgentHarness();
  private final AgentState agent = h.agent;

  @AfterEach
  void close() {
    h.close();
  }

  private void refused(ThrowingCallable call, int status, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AgentException.class)
        .hasMessage(message)
        .extracting(e -> ((AgentException) e).status())
        .isEqualTo(status);
  }

  private void registerRefused(ServiceSpecBuilder spec, int status, String message) {
    refused(() -> agent.registerService(spec.build(), false), status, message);
    assertThat(agent.services()).isEmpty();
    assertThat(agent.checks()).isEmpty();
    assertThat(h.writer.commands()).isEmpty();
  }

  @Test
  void serviceNameIsRequired() {
    registerRefused(service(null), 400, "Missing service name");
    registerRefused(service(""), 400, "Missing service name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "[::]"})
  void anyAddressIsRefused(String address) {
    registerRefused(service("web").address(address), 400, "Invalid service address");
  }

  @Test
  void metaRules() {
    registerRefused(service("web").meta(Map.of("bad key", "v")), 400,
        "Invalid Service Meta: Couldn't load metadata pair ('bad key', 'v'): Key contains"
            + " invalid characters");
    registerRefused(service("web").meta(Map.of("consul-x", "v")), 400,
        "Invalid Service Meta: Couldn't load metadata pair ('consul-x', 'v'): Key prefix"
            + " 'consul-' is reserved for internal use");
    registerRefused(service("web").meta(Map.of("k".repeat(129), "v")), 400,
        "Invalid Service Meta: Couldn't load metadata pair ('" + "k".repeat(129) + "', 'v'):"
            + " Key is too long (limit: 128 characters)");
    registerRefused(service("web").meta(Map.of("k", "v".repeat(513))), 400,
        "Invalid Service Meta: Couldn't load metadata pair ('k', '" + "v".repeat(513) + "'):"
            + " Value is too long (limit: 512 characters)");
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 65; i++) {
      many.put("k" + i, "v");
    }
    registerRefused(service("web").meta(many), 400,
        "Invalid Service Meta: Service metadata cannot contain more than 64 key/value pairs");
    many.remove("k0");
    agent.registerService(service("web").meta(many).build(), false);
    assertThat(agent.service("web")).get().extracting(s -> s.meta().size()).isEqualTo(64);
  }

  @Test
  void weightRules() {
    registerRefused(service("web").weights(new Weights(0, 1)), 400,
        "Invalid Weights: Passing must be greater than 0");
    registerRefused(service("web").weights(new Weights(1, -1)), 400,
        "Invalid Weights: Warning must be greater or equal than 0");
    registerRefused(service("web").weights(new Weights(65536, 1)), 400,
        "Invalid Weights: DNS Weight must be between 0 and 65535");
  }

  @Test
  void checkRulesInAServiceRegistration() {
    registerRefused(service("web").check(ttl(TEN_S).interval(TEN_S)), 400,
        "Invalid check: Interval and TTL cannot both be specified");
    registerRefused(service("web").check(http("http://x", null)), 400,
        "Invalid check: Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService"
            + " checks");
    registerRefused(service("web").check(CheckSpecBuilder.none().notes("n")), 400,
        "Invalid check: TTL must be > 0 for TTL checks");
    registerRefused(service("web").check(ttl(TEN_S).outputMaxSize(-1)), 400,
        "Invalid check: MaxOutputMaxSize must be positive");
    registerRefused(service("web").check(http("http://x", TEN_S).failures(3, 2)), 400,
        "Invalid check: FailuresBeforeWarning can't be higher than FailuresBeforeCritical");
    registerRefused(service("web").check(ttl(TEN_S).status("ok")), 400,
        "Status for checks must 'passing', 'warning', 'critical'");
  }

  @Test
  void checkTargetsThatCanNeverBeProbedAreRefused() {
    registerRefused(service("web").check(http("not a url", TEN_S)), 400,
        "Invalid check: HTTP \"not a url\" is not a URL (Illegal character in path)");
    registerRefused(service("web").check(http("ftp://x/", TEN_S)), 400,
        "Invalid check: HTTP \"ftp://x/\" must start with http:// or https://");
    registerRefused(service("web").check(CheckSpecBuilder.none().tcp("localhost").interval(TEN_S)),
        400, "Invalid check: TCP \"localhost\" has no port (use host:port)");
    registerRefused(service("web").check(CheckSpecBuilder.none().tcp("h:99999").interval(TEN_S)),
        400, "Invalid check: TCP \"h:99999\" has an invalid port \"99999\""
            + " (use host:port, port 1-65535)");
    registerRefused(service("web").check(CheckSpecBuilder.none().grpc("h/svc").interval(TEN_S)),
        400, "Invalid check: GRPC \"h/svc\" has no port (use host:port)");
  }

  @Test
  void scriptChecksAreDisabled() {
    registerRefused(service("web").check(CheckSpecBuilder.none().args("/bin/true")
            .interval(TEN_S)), 500,
        "Scripts are disabled on this agent; to enable, configure 'enable_script_checks' or"
            + " 'enable_local_script_checks' to true");
    refused(() -> agent.registerCheck(CheckSpecBuilder.none().name("s").args("/bin/true")
            .interval(TEN_S).build()), 500, AgentValidator.SCRIPTS_DISABLED);
  }

  @Test
  void checkRegistrationRules() {
    refused(() -> agent.registerCheck(ttl(TEN_S).build()), 400, "Missing check name");
    refused(() -> agent.registerCheck(ttl(TEN_S).name("c").status("up").build()), 400,
        "Bad check status");
    refused(() -> agent.registerCheck(CheckSpecBuilder.none().name("c").build()), 400,
        "Invalid check: TTL must be > 0 for TTL checks");
    refused(() -> agent.registerCheck(ttl(TEN_S).name("c").serviceId("nope").build()), 404,
        "ServiceID \"nope\" does not exist");
    assertThat(agent.checks()).isEmpty();
    assertThat(h.writer.commands()).isEmpty();
  }

  @Test
  void unknownIdsAreNotFound() {
    refused(() -> agent.deregisterService("web"), 404,
        "Unknown service ID \"web\". Ensure that the service ID is passed, not the service name.");
    refused(() -> agent.deregisterCheck("c"), 404,
        "Unknown check ID \"c\". Ensure that the check ID is passed, not the check name.");
    refused(() -> agent.updateTtlCheck("c", "passing", ""), 404,
        "Unknown check ID \"c\". Ensure that the check ID is passed, not the check name.");
    refused(() -> agent.setServiceMaintenance("web", true, null), 404,
        "No service registered with ID \"web\"");
    refused(() -> agent.setServiceMaintenance("", true, null), 400, "Missing service ID");
    refused(() -> agent.deregisterService("a\"b"), 404,
        "Unknown service ID \"a\\\"b\". Ensure that the service ID is passed, not the service"
            + " name.");
  }

  @Test
  void ttlUpdateRules() {
    agent.registerCheck(http("http://x", TEN_S).name("web-http").build());
    refused(() -> agent.updateTtlCheck("web-http", "passing", ""), 500,
        "CheckID \"web-http\" does not have associated TTL");
    agent.registerCheck(ttl(TEN_S).name("beat").build());
    refused(() -> agent.updateTtlCheck("beat", "fine", ""), 400,
        "Invalid check status: 'fine'");
  }
}
