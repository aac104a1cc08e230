package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.node.api.RegistryNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per class of bad input: status and message, state unchanged, node still serving. */
class BadInputTest {
  private static RegistryNode node;
  private static HttpGateway gw;
  private static Http http;

  @BeforeAll
  static void start() {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    http = new Http(gw.port());
    http.put("/v1/kv/guard", "original");
  }

  @AfterAll
  static void stop() {
    gw.close();
    node.close();
  }

  @AfterEach
  void stateUnchangedAndStillServing() {
    assertThat(http.get("/v1/kv/guard?raw").body()).isEqualTo("original");
    assertThat(http.get("/v1/kv/bad?recurse").statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/status/leader").statusCode()).isEqualTo(200);
  }

  private static void assertError(HttpResponse<String> r, int status, String message) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).isEqualTo(message);
  }

  @Test
  void malformedJson() {
    HttpResponse<String> r = http.put("/v1/catalog/register", "{\"Node\": \"bad\", ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("Request decode failed: ");
    assertThat(http.get("/v1/catalog/node/bad").body()).isEqualTo("null");
  }

  @Test
  void wrongTypes() {
    HttpResponse<String> r = http.put("/v1/catalog/register", "{\"Node\": 5, \"Address\": \"1.2.3.4\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("Request decode failed: json: cannot unmarshal number");
    HttpResponse<String> r2 = http.put("/v1/agent/service/register", "{\"Name\": \"bad\", \"Port\": \"80\"}");
    assertThat(r2.statusCode()).isEqualTo(400);
    assertThat(r2.body()).startsWith("Request decode failed:");
  }

  @Test
  void unknownFieldOnAgentRegister() {
    assertError(http.put("/v1/agent/service/register", "{\"Name\": \"bad\", \"Bogus\": 1}"),
        400, "Request decode failed: json: unknown field \"Bogus\"");
  }

  @Test
  void negativeAndNonNumericIndex() {
    assertError(http.get("/v1/kv/guard?index=-1"), 400, "Invalid index");
    assertError(http.get("/v1/kv/guard?index=abc"), 400, "Invalid index");
    assertError(http.get("/v1/catalog/nodes?index=1.5"), 400, "Invalid index");
  }

  @Test
  void waitWithoutUnit() {
    assertError(http.get("/v1/kv/guard?index=1&wait=5"), 400, "Invalid wait time");
  }

  @Test
  void conflictingConsistencyAndBadMaxStale() {
    assertError(http.get("/v1/catalog/nodes?stale&consistent"), 400,
        "Cannot specify ?stale with ?consistent, conflicting semantics.");
    assertError(http.get("/v1/catalog/nodes?max_stale=x"), 400, "Invalid max_stale value \"x\"");
  }

  @Test
  void namespaceAndForeignDatacenter() {
    assertError(http.get("/v1/catalog/nodes?ns=team"), 400,
        "Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature");
    assertError(http.put("/v1/kv/bad/x?dc=dc9", "v"), 500, "No path to datacenter");
  }

  @Test
  void unknownEndpoint() {
    assertError(http.get("/v1/nope"), 404, "Invalid URL path: not a recognized HTTP API endpoint");
    assertThat(http.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void wrongMethodAndOptions() {
    HttpResponse<String> r = http.get("/v1/agent/service/register");
    assertError(r, 405, "method GET not allowed");
    assertThat(r.headers().firstValue("Allow")).hasValue("OPTIONS,PUT");
    HttpResponse<String> post = http.method("POST", "/v1/kv/bad/x");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("OPTIONS,GET,PUT,DELETE");
    HttpResponse<String> opt = http.method("OPTIONS", "/v1/kv/bad/x");
    assertThat(opt.statusCode()).isEqualTo(200);
    assertThat(opt.body()).isEmpty();
    assertThat(opt.headers().firstValue("Allow")).hasValue("OPTIONS,GET,PUT,DELETE");
  }

  @Test
  void kvValueOverLimit() {
    byte[] big = new byte[524288 + 1];
    assertError(http.put("/v1/kv/bad/big", big), 413,
        "Request body(524289 bytes) too large, max size: 524288 bytes. See "
            + "https://developer.hashicorp.com/consul/docs/agent/config/config-files#kv_max_value_size.");
    assertThat(http.put("/v1/kv/bad/big", new byte[524288]).body()).isEqualTo("true");
    http.delete("/v1/kv/bad/big");
  }

  @Test
  void emptyKey() {
    assertError(http.put("/v1/kv/", "v"), 400, "Missing key name");
    assertError(http.get("/v1/kv/"), 400, "Missing key name");
    assertError(http.delete("/v1/kv/"), 400, "Missing key name");
  }

  @Test
  void tooLongKey() {
    String key = "bad/" + "k".repeat(5000);
    assertError(http.put("/v1/kv/" + key, "v"), 400, "Key too long: 5004 bytes, max 4096 bytes");
  }

  @Test
  void badKvFlagsAndConflictingFlags() {
    assertError(http.put("/v1/kv/bad/x?flags=x", "v"), 500, "strconv.ParseUint: parsing \"x\": invalid syntax");
    assertError(http.put("/v1/kv/bad/x?cas=1&acquire=s", "v"), 400, "Conflicting flags: acquire=s&cas=1");
    assertError(http.delete("/v1/kv/bad/?recurse&cas=1"), 400, "Conflicting flags: cas=1&recurse=");
  }

  @Test
  void uncleanAndNonPrintablePaths() {
    assertThat(http.put("/v1/kv/bad//x", "v").statusCode()).isEqualTo(400);
    assertThat(http.put("/v1/kv/bad/./x", "v").statusCode()).isEqualTo(400);
    HttpResponse<String> ctl = http.put("/v1/kv/bad/%01x", "v");
    assertThat(ctl.statusCode()).isEqualTo(400);
    assertThat(ctl.body()).isEmpty();
  }

  @Test
  void hugeHeader() {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/v1/kv/guard"))
        .header("X-Huge", "h".repeat(64 * 1024)).GET().build());
    assertThat(r.statusCode()).isEqualTo(431);
  }

  @Test
  void badPassingAndMissingEnable() {
    assertError(http.get("/v1/health/service/x?passing=maybe"), 400, "Invalid value for ?passing");
    assertError(http.method("PUT", "/v1/agent/maintenance"), 400, "Missing value for enable");
    assertError(http.method("PUT", "/v1/agent/maintenance?enable=x"), 400, "Invalid value for enable: \"x\"");
  }
}
