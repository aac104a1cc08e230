package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.gateway.json.AgentBodies;
import io.registry.gateway.json.DecodeException;
import io.registry.gateway.json.JsonFields;
import io.registry.node.agent.AgentServiceSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Request parsing that needs no server: query flags, routing, body decoding. */
class ParsingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void queryFlagsArePresenceBasedAndValuesDecoded() {
    QueryParams q = QueryParams.parse("recurse&keys=True&stale=1&tag=a&tag=b%20c&note=x+y");
    assertThat(q.has("recurse")).isTrue();
    assertThat(q.has("keys")).isTrue();
    assertThat(q.has("raw")).isFalse();
    assertThat(q.all("tag")).containsExactly("a", "b c");
    assertThat(q.getOr("note", "")).isEqualTo("x y");
    assertThat(QueryParams.parseBool("True")).isTrue();
    assertThat(QueryParams.parseBool("yes")).isNull();
  }

  @Test
  void routerPrefersExactThenLongestPrefix() {
    Handler h = r -> null;
    Router router = new Router()
        .add("/v1/agent/service/register", h, "PUT")
        .add("/v1/agent/service/", h, "GET")
        .add("/v1/agent/service/deregister/", h, "PUT");
    assertThat(router.match("/v1/agent/service/register").orElseThrow().route().pattern())
        .isEqualTo("/v1/agent/service/register");
    Router.Match m = router.match("/v1/agent/service/deregister/a/b").orElseThrow();
    assertThat(m.route().pattern()).isEqualTo("/v1/agent/service/deregister/");
    assertThat(m.param()).isEqualTo("a/b");
    assertThat(m.route().allow()).isEqualTo("OPTIONS,PUT");
    assertThat(router.match("/v1/other")).isEmpty();
  }

  @Test
  void readOptionsParseIndexAndWait() {
    ReadOptions o = ReadOptions.parse(QueryParams.parse("index=18446744073709551615&wait=300000ms"));
    assertThat(Long.toUnsignedString(o.index())).isEqualTo("18446744073709551615");
    assertThat(o.waitTime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(BlockingReads.timeout(Duration.ofHours(1)))
        .isBetween(Duration.ofSeconds(600), Duration.ofSeconds(600 + 600 / 16));
  }

  @Test
  void serviceBodyAcceptsAnyCaseSnakeAliasesNullsAndNanosecondDurations() throws Exception {
    AgentServiceSpec spec = AgentBodies.service(JsonFields.of(JSON.readTree("""
        {"name":"web","ID":"web-1","tags":["a"],"enable_tag_override":true,"Checks":null,
         "tagged_addresses":{"wan":{"address":"1.2.3.4","port":80}},"Proxy":{},"Namespace":"",
         "check":{"CheckID":"c1","http":"http://x","interval":10000000000,"script_args":["a"]}}"""),
        "api.AgentServiceRegistration"));
    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.enableTagOverride()).isTrue();
    assertThat(spec.taggedAddresses().get("wan").port()).isEqualTo(80);
    assertThat(spec.checks()).hasSize(1);
    assertThat(spec.checks().get(0).id()).isEqualTo("c1");
    assertThat(spec.checks().get(0).interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(spec.checks().get(0).args()).containsExactly("a");
  }

  @Test
  void unknownFieldsAndWrongTypesAreRejected() {
    assertThatThrownBy(() -> AgentBodies.service(JsonFields.of(JSON.readTree("{\"Name\":\"x\",\"Nope\":1}"), "t")))
        .isInstanceOf(DecodeException.class).hasMessage("json: unknown field \"Nope\"");
    assertThatThrownBy(() -> AgentBodies.check(JsonFields.of(JSON.readTree("{\"Name\":\"x\",\"TTL\":\"20\"}"), "t")))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> JsonFields.of(JSON.readTree("[1]"), "t"))
        .isInstanceOf(DecodeException.class);
  }
}
