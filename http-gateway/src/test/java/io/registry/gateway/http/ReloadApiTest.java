package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.node.agent.AgentOptions;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.ConfigLoader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PUT /v1/agent/reload with config files behind it: only the edited file's service is
 * written to the catalog again, and a bad file keeps the running configuration.
 */
class ReloadApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private RegistryNode node;
  private HttpGateway gw;
  private Http http;

  @BeforeEach
  void start() {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    http = new Http(gw.port());
    // What the agent command installs, minus the flags: re-read the directory, apply it.
    node.onReload(() -> node.agent().applyFileConfig(
        ConfigLoader.load(List.of(dir)).definitions(), AgentOptions.defaults()));
  }

  @AfterEach
  void stop() {
    if (gw != null) {
      gw.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private long modifyIndex(String service) throws Exception {
    JsonNode rows = JSON.readTree(http.get("/v1/catalog/service/" + service).body());
    assertThat(rows).as(service).hasSize(1);
    return rows.get(0).get("ModifyIndex").asLong();
  }

  private int catalogRows(String service) throws Exception {
    return JSON.readTree(http.get("/v1/catalog/service/" + service).body()).size();
  }

  @Test
  void editingOneFileChangesOnlyThatService() throws Exception {
    Files.writeString(dir.resolve("a.json"), "{\"service\": {\"name\": \"alpha\", \"port\": 1}}");
    Files.writeString(dir.resolve("b.json"), "{\"service\": {\"name\": \"beta\", \"port\": 2}}");
    assertThat(http.put("/v1/agent/reload", "").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> catalogRows("alpha") == 1
        && catalogRows("beta") == 1);
    long alpha = modifyIndex("alpha");
    long beta = modifyIndex("beta");

    Files.writeString(dir.resolve("b.json"), "{\"service\": {\"name\": \"beta\", \"port\": 3}}");
    assertThat(http.put("/v1/agent/reload", "").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> modifyIndex("beta") > beta);

    JsonNode betaRow = JSON.readTree(http.get("/v1/catalog/service/beta").body()).get(0);
    assertThat(betaRow.get("ServicePort").asInt()).isEqualTo(3);
    assertThat(modifyIndex("alpha")).isEqualTo(alpha);

    Files.delete(dir.resolve("a.json"));
    assertThat(http.put("/v1/agent/reload", "").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> catalogRows("alpha") == 0);
  }

  @Test
  void aBadFileKeepsTheRunningConfigurationAndAnswers500WithItsReason() throws Exception {
    Files.writeString(dir.resolve("a.json"), "{\"service\": {\"name\": \"alpha\"}}");
    assertThat(http.put("/v1/agent/reload", "").statusCode()).isEqualTo(200);

    Files.writeString(dir.resolve("a.json"), "{\"service\": {\"name\": \"alpha2\"}}");
    Files.writeString(dir.resolve("b.json"),
        "{\"service\": {\"name\": \"beta\", \"check\": {\"tcp\": \"localhost\", \"interval\": \"5s\"}}}");
    HttpResponse<String> refused = http.put("/v1/agent/reload", "");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).contains("b.json").contains("service.check.tcp")
        .contains("no port");

    JsonNode services = JSON.readTree(http.get("/v1/agent/services").body());
    assertThat(services.has("alpha")).isTrue();
    assertThat(services.has("alpha2")).isFalse();
    assertThat(services.has("beta")).isFalse();
  }
}
