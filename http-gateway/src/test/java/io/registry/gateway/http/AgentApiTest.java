package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.node.api.RegistryNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agent service/check endpoints (§4.2, §4.3) through the node's local agent. */
class AgentApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RegistryNode node;
  private static HttpGateway gw;
  private static Http http;

  @BeforeAll
  static void start() {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    http = new Http(gw.port());
  }

  @AfterAll
  static void stop() {
    gw.close();
    node.close();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void lowercaseRegisterWithTtlCheckThenPassShowsInHealthyLookup() throws Exception {
    HttpResponse<String> reg = http.put("/v1/agent/service/register", """
        {"name":"web","id":"web-1","port":8080,"tags":["v1"],"meta":{"team":"a"},
         "check":{"ttl":"30s"},"Checks":null,"enable_tag_override":false}""");
    assertThat(reg.statusCode()).as(reg.body()).isEqualTo(200);
    assertThat(reg.body()).isEmpty();

    JsonNode services = json(http.get("/v1/agent/services"));
    JsonNode web = services.get("web-1");
    assertThat(web.get("Service").asText()).isEqualTo("web");
    assertThat(web.get("Tags").toString()).isEqualTo("[\"v1\"]");
    assertThat(web.get("Weights").get("Passing").asInt()).isEqualTo(1);
    assertThat(web.get("Datacenter").asText()).isEqualTo("dc1");

    HttpResponse<String> one = http.get("/v1/agent/service/web-1");
    assertThat(one.headers().firstValue("X-Consul-Contenthash")).isPresent();
    assertThat(json(one).get("ContentHash").asText()).isEqualTo(one.headers().firstValue("X-Consul-Contenthash").get());

    JsonNode check = json(http.get("/v1/agent/checks")).get("service:web-1");
    assertThat(check.get("Status").asText()).isEqualTo("critical");
    assertThat(http.get("/v1/agent/health/service/id/web-1").statusCode()).isEqualTo(503);

    assertThat(http.method("PUT", "/v1/agent/check/pass/service:web-1?note=ok").statusCode()).isEqualTo(200);
    assertThat(http.get("/v1/agent/health/service/id/web-1?format=text").body()).isEqualTo("passing");
    await().untilAsserted(() -> assertThat(json(http.get("/v1/health/service/web?passing")).findValuesAsText("ID"))
        .contains("web-1"));

    HttpResponse<String> bad = http.put("/v1/agent/check/update/service:web-1", "{\"Status\":\"meh\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("Invalid check status: 'meh'");

    assertThat(http.method("PUT", "/v1/agent/service/deregister/web-1").statusCode()).isEqualTo(200);
    assertThat(http.method("PUT", "/v1/agent/service/deregister/web-1").statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/agent/health/service/name/web").statusCode()).isEqualTo(404);
  }

  @Test
  void nodeCheckRegisterWithIdAndDeregister() throws Exception {
    assertThat(http.put("/v1/agent/check/register",
        "{\"ID\":\"mem\",\"Name\":\"Memory\",\"TTL\":15000000000,\"Status\":\"passing\"}").statusCode())
        .isEqualTo(200);
    assertThat(json(http.get("/v1/agent/checks")).get("mem").get("Status").asText()).isEqualTo("passing");
    assertThat(http.method("PUT", "/v1/agent/check/deregister/mem").statusCode()).isEqualTo(200);
    assertThat(json(http.get("/v1/agent/checks")).has("mem")).isFalse();
  }
}
