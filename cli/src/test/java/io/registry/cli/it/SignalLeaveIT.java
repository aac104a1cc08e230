package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.CliException;
import io.registry.cli.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM by role (consul-api.md sec. 14.3, membership.md sec. 5): a client agent leaves
 * (member left, services gone, `left` marker, exit 0); a server keeps its seat (no marker,
 * same Raft peer after a restart, exit 0). Real processes, ended by their own handles.
 */
class SignalLeaveIT {
  private static final Duration BOUND = Duration.ofSeconds(60);
  @TempDir Path tmp;
  private final List<AgentProcess> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }

  @Test
  void sigtermClientLeavesAndSigtermServerKeepsItsSeat() throws Exception {
    AgentProcess.Ports ports = AgentProcess.Ports.free();
    Path serverData = tmp.resolve("s1");
    AgentProcess server = startServer(serverData, ports);
    Path clientData = tmp.resolve("c1");
    AgentProcess client = track(AgentProcess.startAgent(tmp.resolve("logs"),
        AgentProcess.freePort(), "-data-dir", clientData.toString(), "-node", "c1",
        "-bind", "127.0.0.1", "-retry-join", "127.0.0.1:" + ports.server())).awaitLeader();
    client.http().put("/v1/agent/service/register",
        "{\"Name\":\"web\",\"Port\":8080}".getBytes(StandardCharsets.UTF_8)).orFail("register");
    await().atMost(BOUND).ignoreException(CliException.class)
        .until(() -> nodesOf(server, "web").contains("c1"));

    client.process().destroy(); // SIGTERM
    assertThat(client.waitForExit()).as(client.log()).isZero();
    assertThat(client.log()).contains("Graceful leave complete");
    assertThat(Files.exists(clientData.resolve("left"))).isTrue();
    await().atMost(BOUND).ignoreException(CliException.class).untilAsserted(() -> {
      assertThat(memberStatus(server, "c1")).isEqualTo(3);
      assertThat(nodesOf(server, "web")).isEmpty();
    });

    String peerBefore = raftPeerId(serverData);
    server.process().destroy(); // SIGTERM
    assertThat(server.waitForExit()).as(server.log()).isZero();
    assertThat(server.log()).doesNotContain("Graceful leave complete");
    assertThat(Files.exists(serverData.resolve("left"))).isFalse();

    AgentProcess again = startServer(serverData, ports);
    assertThat(raftPeerId(serverData)).isEqualTo(peerBefore);
    await().atMost(BOUND).ignoreException(CliException.class)
        .until(() -> memberStatus(again, "s1") == 1);
  }

  private AgentProcess startServer(Path data, AgentProcess.Ports ports) {
    return track(AgentProcess.startAgent(tmp.resolve("logs"), ports.http(), "-server",
        "-bootstrap-expect=1", "-retry-join", "127.0.0.1:" + ports.server(),
        "-data-dir", data.toString(), "-node", "s1", "-bind", "127.0.0.1",
        "-server-port", Integer.toString(ports.server()),
        "-raft-port", Integer.toString(ports.raft()))).awaitLeader();
  }

  private AgentProcess track(AgentProcess p) {
    started.add(p);
    return p;
  }

  private static List<String> nodesOf(AgentProcess agent, String service) {
    JsonNode rows = Json.parse(agent.http().get("/v1/catalog/service/" + service)
        .orFail("reading").body());
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(Json.text(r, "Node")));
    return out;
  }

  private static int memberStatus(AgentProcess agent, String node) {
    JsonNode members = Json.parse(agent.http().get("/v1/agent/members").orFail("members")
        .body());
    for (JsonNode m : members) {
      if (node.equals(Json.text(m, "Name"))) {
        return m.path("Status").asInt();
      }
    }
    return 0;
  }

  private static String raftPeerId(Path dataDir) throws Exception {
    return Json.parse(Files.readAllBytes(dataDir.resolve("cluster.json")))
        .path("raftPeerId").asText();
  }
}
