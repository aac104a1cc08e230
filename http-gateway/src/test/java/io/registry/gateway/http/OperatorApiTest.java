package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.node.api.RegistryNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v1/operator/raft/configuration and force-leave on a dev (single-server) node. */
class OperatorApiTest {
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

  @Test
  void raftConfigurationListsTheOnlyServerAsLeaderAndVoter() throws Exception {
    HttpResponse<String> r = http.get("/v1/operator/raft/configuration");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode conf = JSON.readTree(r.body());
    assertThat(conf.get("Servers")).hasSize(1);
    JsonNode s = conf.get("Servers").get(0);
    assertThat(s.get("Node").asText()).isEqualTo("test-node");
    assertThat(s.get("Address").asText())
        .isEqualTo(JSON.readTree(http.get("/v1/status/leader").body()).asText());
    assertThat(s.get("ID").asText()).isNotEmpty();
    assertThat(s.get("Leader").asBoolean()).isTrue();
    assertThat(s.get("Voter").asBoolean()).isTrue();
    assertThat(s.get("ProtocolVersion").asText()).isEqualTo("3");
    assertThat(s.get("LastIndex").isIntegralNumber()).isTrue();
    assertThat(conf.get("Index").asLong()).isPositive();
  }

  @Test
  void forceLeaveRefusesAnAliveOrUnknownNode() {
    HttpResponse<String> alive = http.put("/v1/agent/force-leave/test-node", "");
    assertThat(alive.statusCode()).isEqualTo(500);
    assertThat(alive.body()).isEqualTo("node test-node is alive; run leave on it");
    HttpResponse<String> unknown = http.put("/v1/agent/force-leave/nobody?prune", "");
    assertThat(unknown.statusCode()).isEqualTo(500);
    assertThat(unknown.body()).isEqualTo("Unknown node nobody");
  }
}
