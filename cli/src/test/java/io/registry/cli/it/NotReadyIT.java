package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server still waiting for its cluster (here: 1 of an expected 3) answers on its HTTP port:
 * no leader, and "Node not ready" for everything else, never an empty catalog.
 */
class NotReadyIT {
  @TempDir Path tmp;
  private AgentProcess agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void aServerWaitingForItsClusterSaysNotReady() throws Exception {
    agent = AgentProcess.startAgent(tmp, AgentProcess.freePort(), "-server",
        "-bootstrap-expect=3", "-data-dir", tmp.resolve("data").toString(), "-node", "lonely",
        "-bind", "127.0.0.1",
        "-server-port", Integer.toString(AgentProcess.freePort()),
        "-raft-port", Integer.toString(AgentProcess.freePort()));
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://" + agent.httpAddr();

    HttpResponse<String> leader = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> client.send(HttpRequest.newBuilder(URI.create(base + "/v1/status/leader"))
            .build(), HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200);
    assertThat(leader.body()).isEqualTo("\"\"");

    HttpResponse<String> kv = client.send(HttpRequest.newBuilder(
        URI.create(base + "/v1/catalog/services")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(kv.statusCode()).isEqualTo(500);
    assertThat(kv.body()).startsWith("Node not ready");
    assertThat(kv.headers().firstValue("Retry-After")).hasValue("1");

    CliRun members = CliRun.run(tmp, "members", "-http-addr=" + agent.httpAddr());
    assertThat(members.exitCode()).isEqualTo(1);
    assertThat(members.err()).contains("Node not ready");

    agent.process().destroy();
    assertThat(agent.waitForExit()).as(agent.log()).isZero();
  }
}
