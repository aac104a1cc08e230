package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.node.api.RegistryNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogHealthApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RegistryNode node;
  private static HttpGateway gw;
  private static Http http;

  @BeforeAll
  static void start() {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    http = new Http(gw.port());
    // python-consul style: lowercase keys.
    HttpResponse<String> r = http.put("/v1/catalog/register", """
        {"node":"ext-1","address":"10.1.1.1","nodemeta":{"rack":"r1"},
         "service":{"service":"db","id":"db-1","tags":["primary","v2"],"port":5432,"meta":{"m":"1"}},
         "check":{"checkid":"db-ok","name":"db alive","status":"passing","serviceid":"db-1"}}""");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("true");
    http.put("/v1/catalog/register", """
        {"Node":"ext-2","Address":"10.1.1.2",
         "Service":{"Service":"db","ID":"db-2","Tags":["replica"],"Port":5432},
         "Checks":[{"CheckID":"db-ok-2","Name":"db alive","Status":"critical","ServiceID":"db-2"}]}""");
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
  void catalogReadsHaveConsulShapesAndHeaders() throws Exception {
    HttpResponse<String> nodes = http.get("/v1/catalog/nodes");
    assertThat(nodes.headers().firstValue("X-Consul-Effective-Consistency")).hasValue("leader");
    assertThat(nodes.headers().firstValue("X-Consul-Index")).isPresent();
    JsonNode ext = null;
    for (JsonNode n : json(nodes)) {
      if (n.get("Node").asText().equals("ext-1")) {
        ext = n;
      }
    }
    assertThat(ext).isNotNull();
    assertThat(ext.get("Address").asText()).isEqualTo("10.1.1.1");
    assertThat(ext.get("Meta").get("rack").asText()).isEqualTo("r1");
    assertThat(ext.has("TaggedAddresses")).isTrue();

    JsonNode services = json(http.get("/v1/catalog/services"));
    assertThat(services.get("db").toString()).isEqualTo("[\"primary\",\"replica\",\"v2\"]");

    JsonNode db = json(http.get("/v1/catalog/service/db?tag=primary"));
    assertThat(db).hasSize(1);
    JsonNode e = db.get(0);
    assertThat(e.get("ServiceID").asText()).isEqualTo("db-1");
    assertThat(e.get("ServicePort").asInt()).isEqualTo(5432);
    assertThat(e.get("ServiceWeights").get("Passing").asInt()).isEqualTo(1);
    for (String f : new String[] {"ID", "Node", "Address", "Datacenter", "NodeMeta", "ServiceKind",
        "ServiceName", "ServiceTags", "ServiceAddress", "ServiceMeta", "ServiceEnableTagOverride",
        "ServiceProxy", "ServiceConnect", "CreateIndex", "ModifyIndex"}) {
      assertThat(e.has(f)).as(f).isTrue();
    }
    assertThat(json(http.get("/v1/catalog/service/nonexistent")).isArray()).isTrue();
    assertThat(http.get("/v1/catalog/service/nonexistent").body()).isEqualTo("[]");
    assertThat(http.get("/v1/catalog/datacenters").body()).isEqualTo("[\"dc1\"]");
  }

  @Test
  void filterKeepsMatchingElementsAndBadFilterIs500() throws Exception {
    JsonNode only = json(http.get("/v1/health/service/db?filter="
        + java.net.URLEncoder.encode("Service.ID == \"db-2\"", java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(only.findValuesAsText("ID")).contains("db-2").doesNotContain("db-1");
    HttpResponse<String> bad = http.get("/v1/catalog/nodes?filter=%3D%3D%3D");
    assertThat(bad.statusCode()).isEqualTo(500);
    assertThat(bad.body()).startsWith("Failed to create boolean expression evaluator: ");
  }

  @Test
  void nodeAndNodeServices() throws Exception {
    JsonNode n = json(http.get("/v1/catalog/node/ext-1"));
    assertThat(n.get("Node").get("Node").asText()).isEqualTo("ext-1");
    assertThat(n.get("Services").get("db-1").get("Tags").toString()).isEqualTo("[\"primary\",\"v2\"]");
    assertThat(n.get("Services").get("db-1").get("Proxy").isObject()).isTrue();
    assertThat(http.get("/v1/catalog/node/unknown").body()).isEqualTo("null");
    assertThat(http.get("/v1/catalog/node-services/unknown").body())
        .isEqualTo("{\"Node\":null,\"Services\":null}");
    assertThat(json(http.get("/v1/catalog/node-services/ext-1")).get("Services").get(0).get("ID").asText())
        .isEqualTo("db-1");
  }

  @Test
  void healthServicePassingDropsCriticalInstances() throws Exception {
    JsonNode all = json(http.get("/v1/health/service/db"));
    assertThat(all).hasSize(2);
    JsonNode entry = all.get(0);
    assertThat(entry.get("Checks").isArray()).isTrue();
    assertThat(entry.get("Service").get("Meta").isObject()).isTrue();
    JsonNode passing = json(http.get("/v1/health/service/db?passing"));
    assertThat(passing).hasSize(1);
    assertThat(passing.get(0).get("Service").get("ID").asText()).isEqualTo("db-1");
    assertThat(json(http.get("/v1/health/service/db?passing=false"))).hasSize(2);
    HttpResponse<String> none = http.get("/v1/health/service/nothing");
    assertThat(none.body()).isEqualTo("[]");
    assertThat(none.headers().firstValue("X-Consul-Index")).isPresent();
  }

  @Test
  void healthChecksStateAndNode() throws Exception {
    JsonNode checks = json(http.get("/v1/health/checks/db"));
    assertThat(checks).hasSize(2);
    JsonNode c = checks.get(0);
    for (String f : new String[] {"Node", "CheckID", "Name", "Status", "Notes", "Output", "ServiceID",
        "ServiceName", "ServiceTags", "Type", "Interval", "Timeout", "ExposedPort", "Definition",
        "CreateIndex", "ModifyIndex"}) {
      assertThat(c.has(f)).as(f).isTrue();
    }
    JsonNode critical = json(http.get("/v1/health/state/critical"));
    assertThat(critical.findValuesAsText("CheckID")).contains("db-ok-2").doesNotContain("db-ok");
    assertThat(http.get("/v1/health/state/bogus").body()).isEqualTo("[]");
    assertThat(json(http.get("/v1/health/node/ext-1")).findValuesAsText("CheckID")).contains("db-ok");
  }

  @Test
  void deregisterServiceThenNode() throws Exception {
    http.put("/v1/catalog/register", "{\"Node\":\"gone\",\"Address\":\"10.9.9.9\",\"Service\":{\"Service\":\"tmp\"}}");
    assertThat(json(http.get("/v1/catalog/service/tmp"))).hasSize(1);
    assertThat(http.put("/v1/catalog/deregister", "{\"Node\":\"gone\",\"ServiceID\":\"tmp\"}").body()).isEqualTo("true");
    assertThat(http.get("/v1/catalog/service/tmp").body()).isEqualTo("[]");
    assertThat(http.put("/v1/catalog/deregister", "{\"node\":\"gone\"}").body()).isEqualTo("true");
    assertThat(http.get("/v1/catalog/node/gone").body()).isEqualTo("null");
    HttpResponse<String> bad = http.put("/v1/catalog/register", "{\"Address\":\"1.1.1.1\"}");
    assertThat(bad.statusCode()).isEqualTo(500);
    assertThat(bad.body()).isEqualTo("Must provide node");
  }

  @Test
  void statusAndAgentSelf() throws Exception {
    JsonNode leader = json(http.get("/v1/status/leader"));
    assertThat(leader.isTextual()).isTrue();
    assertThat(leader.asText()).contains(":");
    assertThat(json(http.get("/v1/status/peers")).isArray()).isTrue();
    JsonNode self = json(http.get("/v1/agent/self"));
    assertThat(self.get("Config").get("NodeName").asText()).isEqualTo("test-node");
    assertThat(self.get("Config").get("Datacenter").asText()).isEqualTo("dc1");
    assertThat(self.get("Stats").get("raft").get("state").isTextual()).isTrue();
    assertThat(self.get("Member").get("Name").asText()).isEqualTo("test-node");
    JsonNode members = json(http.get("/v1/agent/members"));
    assertThat(members.findValuesAsText("Name")).contains("test-node");
  }
}
