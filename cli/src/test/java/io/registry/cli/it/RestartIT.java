package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable single server keeps every write it acknowledged across kill -9: the answer
 * `true` means the entry was fsynced in the Raft log, so a restart on the same data dir
 * must replay it.
 */
class RestartIT {
  private static final int WRITES = 50;

  @TempDir Path tmp;
  private AgentProcess agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void acknowledgedWritesSurviveKillNine() {
    Path dataDir = tmp.resolve("data");
    AgentProcess.Ports ports = AgentProcess.Ports.free();
    agent = AgentProcess.startServer(dataDir, tmp.resolve("logs"), ports).awaitLeader();

    Map<String, String> acknowledged = new LinkedHashMap<>();
    ConsulHttp http = agent.http();
    for (int i = 0; i < WRITES; i++) {
      String key = "restart/key-" + i;
      String value = "value-" + i;
      ConsulHttp.Answer answer = http.put("/v1/kv/" + key, value.getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status()).as("PUT %s", key).isEqualTo(200);
      assertThat(answer.text().strip()).isEqualTo("true");
      acknowledged.put(key, value);
    }
    String register = """
        {"Node":"ext-1","Address":"10.1.2.3",
         "Service":{"ID":"db-1","Service":"db","Port":5432,"Tags":["primary"]}}""";
    ConsulHttp.Answer registered =
        http.put("/v1/catalog/register", register.getBytes(StandardCharsets.UTF_8));
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.text().strip()).isEqualTo("true");

    agent.kill();
    assertThat(agent.process().isAlive()).isFalse();
    assertThat(ProcessHandle.of(agent.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();

    agent = AgentProcess.startServer(dataDir, tmp.resolve("logs"), ports).awaitLeader();
    ConsulHttp after = agent.http();
    acknowledged.forEach((key, value) -> {
      ConsulHttp.Answer answer = after.get("/v1/kv/" + key + "?raw");
      assertThat(answer.status()).as("GET %s after restart", key).isEqualTo(200);
      assertThat(answer.text()).as("value of %s", key).isEqualTo(value);
    });
    JsonNode service = Json.parse(after.get("/v1/catalog/service/db").orFail("reading").body());
    assertThat(service).hasSize(1);
    assertThat(Json.text(service.get(0), "Node")).isEqualTo("ext-1");
    assertThat(Json.text(service.get(0), "ServiceID")).isEqualTo("db-1");
    assertThat(service.get(0).path("ServicePort").asInt()).isEqualTo(5432);
  }
}
