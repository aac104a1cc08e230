package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.gateway.http.HttpCluster.Agent;
import io.registry.node.agent.AgentOptions;
import io.registry.node.agent.AgentServiceSpec;
import io.registry.node.agent.FileDefinitions;
import io.registry.node.agent.FileService;
import io.registry.node.config.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anti-entropy in a cluster of three in-JVM servers and one client agent: catalog edits on
 * an agent's node, made through a server's catalog API, are undone by the agent's periodic
 * compare (its own service comes back, a stray goes), on a client and on a server; and a
 * file service deleted while the client was stopped leaves the catalog after its restart.
 */
@Timeout(300)
class AntiEntropyClusterTest {
  private static final Duration BOUND = Duration.ofSeconds(40);
  /** Short, so that each repair shows up within seconds. */
  private static final AgentOptions AGENT =
      AgentOptions.defaults().withAntiEntropyInterval(Duration.ofSeconds(1));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private HttpCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void agentsRepairTheirNodesRowsInTheCatalog() throws Exception {
    cluster = new HttpCluster(dir, AGENT);
    List<Agent> servers = cluster.startServers(3);
    List<String> join = cluster.join;
    Http s1 = servers.get(0).http();
    Http s3 = servers.get(2).http();
    NodeConfig clientConfig =
        HttpCluster.withJoin(cluster.config("c1", false, 0, 0), List.of(join.get(0)));
    FileDefinitions files = files("kept", "dropped");
    Agent c1 = cluster.start(clientConfig, files);

    // The client's own service, deregistered in the catalog through a server, comes back.
    assertThat(c1.http().put("/v1/agent/service/register",
        "{\"ID\":\"web1\",\"Name\":\"web\",\"Port\":80}").statusCode()).isEqualTo(200);
    long created = awaitService(s1, "c1", "web1");
    assertThat(s1.put("/v1/catalog/deregister", "{\"Node\":\"c1\",\"ServiceID\":\"web1\"}")
        .body()).isEqualTo("true");
    await().atMost(BOUND).untilAsserted(() ->
        assertThat(createIndex(s1, "c1", "web1")).isGreaterThan(created));

    // A stray registered on the client's node through a server goes; serfHealth stays.
    assertThat(s1.put("/v1/catalog/register", "{\"Node\":\"c1\",\"SkipNodeUpdate\":true,"
        + "\"Service\":{\"ID\":\"stray\",\"Service\":\"stray\"}}").body()).isEqualTo("true");
    await().atMost(BOUND).untilAsserted(() ->
        assertThat(serviceIds(s1, "c1")).containsExactlyInAnyOrder("web1", "kept", "dropped"));
    assertThat(checkIds(s1, "c1")).contains("serfHealth");

    // The same on a server agent, edited through another server; its "consul" service stays.
    Http s2 = servers.get(1).http();
    assertThat(s2.put("/v1/agent/service/register",
        "{\"ID\":\"api1\",\"Name\":\"api\",\"Port\":90}").statusCode()).isEqualTo(200);
    long apiCreated = awaitService(s3, "s2", "api1");
    assertThat(s3.put("/v1/catalog/deregister", "{\"Node\":\"s2\",\"ServiceID\":\"api1\"}")
        .body()).isEqualTo("true");
    assertThat(s3.put("/v1/catalog/register", "{\"Node\":\"s2\",\"SkipNodeUpdate\":true,"
        + "\"Service\":{\"ID\":\"stray2\",\"Service\":\"stray2\"}}").body()).isEqualTo("true");
    await().atMost(BOUND).untilAsserted(() -> {
      assertThat(serviceIds(s3, "s2")).containsExactlyInAnyOrder("consul", "api1");
      assertThat(createIndex(s3, "s2", "api1")).isGreaterThan(apiCreated);
    });
    assertThat(checkIds(s3, "s2")).contains("serfHealth");

    // The client stops; "dropped" is deleted from its config files meanwhile. After the
    // restart it leaves the catalog, while "kept" was never deregistered.
    long keptCreated = createIndex(s1, "c1", "kept");
    c1.close();
    Agent again = cluster.start(clientConfig, files("kept"));
    await().atMost(BOUND).untilAsserted(() ->
        assertThat(serviceIds(s1, "c1")).containsExactlyInAnyOrder("web1", "kept"));
    assertThat(createIndex(s1, "c1", "kept")).isEqualTo(keptCreated);
    assertThat(again.http().get("/v1/agent/services").body()).doesNotContain("dropped");
  }

  /** Waits until the service is in the catalog; answers its CreateIndex. */
  private static long awaitService(Http http, String node, String id) {
    await().atMost(BOUND).until(() -> serviceIds(http, node).contains(id));
    return createIndex(http, node, id);
  }

  private static List<String> serviceIds(Http http, String node) throws IOException {
    JsonNode services = JSON.readTree(http.get("/v1/catalog/node/" + node).body())
        .path("Services");
    List<String> out = new ArrayList<>();
    services.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<String> checkIds(Http http, String node) throws IOException {
    List<String> out = new ArrayList<>();
    JSON.readTree(http.get("/v1/health/node/" + node).body())
        .forEach(c -> out.add(c.path("CheckID").asText()));
    return out;
  }

  private static long createIndex(Http http, String node, String id) {
    try {
      return JSON.readTree(http.get("/v1/catalog/node/" + node).body())
          .path("Services").path(id).path("CreateIndex").asLong(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileDefinitions files(String... ids) {
    List<FileService> services = new ArrayList<>();
    for (String id : ids) {
      services.add(new FileService(id + ".json: service", new AgentServiceSpec(id, id,
          List.of(), null, 0, null, null, null, false, null, List.of())));
    }
    return new FileDefinitions(services, List.of());
  }
}
