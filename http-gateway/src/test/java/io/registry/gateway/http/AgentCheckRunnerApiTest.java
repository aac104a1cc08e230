package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.registry.node.api.RegistryNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An HTTP check registered through the API follows its server, on a real dev node (§4.4). */
class AgentCheckRunnerApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static RegistryNode node;
  private static HttpGateway gw;
  private static Http http;
  private static HttpServer app;
  private static final AtomicInteger code = new AtomicInteger(200);

  @BeforeAll
  static void start() throws Exception {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    http = new Http(gw.port());
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/health", ex -> {
      byte[] body = "fine".getBytes();
      ex.sendResponseHeaders(code.get(), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop(0);
    gw.close();
    node.close();
  }

  private static JsonNode check(String id) throws Exception {
    return JSON.readTree(http.get("/v1/agent/checks").body()).get(id);
  }

  private static String healthStatus(String service) throws Exception {
    JsonNode entries = JSON.readTree(http.get("/v1/health/checks/" + service).body());
    return entries.isEmpty() ? "" : entries.get(0).get("Status").asText();
  }

  @Test
  void anHttpCheckTurnsPassingAndCriticalAsItsServerAnswers() throws Exception {
    String url = "http://127.0.0.1:" + app.getAddress().getPort() + "/health";
    assertThat(http.put("/v1/agent/service/register", """
        {"Name":"web","Port":9000,"Check":{"HTTP":"%s","Interval":"1s","Timeout":"1s",
         "DeregisterCriticalServiceAfter":"10m"}}""".formatted(url)).statusCode())
        .isEqualTo(200);

    await().atMost(BOUND).until(() -> healthStatus("web").equals("passing"));
    assertThat(check("service:web").get("Output").asText())
        .isEqualTo("HTTP GET " + url + ": 200 OK Output: fine");
    assertThat(check("service:web").has("DeregisterCriticalServiceAt")).isFalse();

    code.set(500);
    await().atMost(BOUND).until(() -> healthStatus("web").equals("critical"));
    JsonNode critical = check("service:web");
    assertThat(critical.get("Output").asText()).contains("500 Internal Server Error");
    Instant reapAt = Instant.parse(critical.get("DeregisterCriticalServiceAt").asText());
    assertThat(reapAt).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
        Instant.now().plus(Duration.ofMinutes(10)));

    code.set(200);
    await().atMost(BOUND).until(() -> healthStatus("web").equals("passing"));
    assertThat(http.method("PUT", "/v1/agent/service/deregister/web").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aScriptCheckThroughTheApiIsRefusedByDefault() throws Exception {
    var r = http.put("/v1/agent/check/register",
        "{\"Name\":\"s\",\"Args\":[\"true\"],\"Interval\":\"10s\"}");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("Scripts are disabled on this agent; to enable, configure"
        + " 'enable_script_checks' or 'enable_local_script_checks' to true");
  }
}
