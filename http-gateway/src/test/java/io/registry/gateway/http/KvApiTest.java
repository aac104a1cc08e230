package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.node.api.RegistryNode;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KvApiTest {
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
  void putThenGetReturnsOneElementArrayWithBase64Value() throws Exception {
    HttpResponse<String> put = http.put("/v1/kv/kvt/a?flags=42", "hello=world&x");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.body()).isEqualTo("true");
    assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));

    HttpResponse<String> get = http.get("/v1/kv/kvt/a");
    assertThat(get.statusCode()).isEqualTo(200);
    JsonNode pair = json(get).get(0);
    assertThat(pair.get("Key").asText()).isEqualTo("kvt/a");
    assertThat(pair.get("Flags").asLong()).isEqualTo(42);
    assertThat(new String(Base64.getDecoder().decode(pair.get("Value").asText()))).isEqualTo("hello=world&x");
    assertThat(pair.has("Session")).isFalse();
    assertThat(pair.get("LockIndex").asLong()).isZero();
    assertThat(pair.get("CreateIndex").asLong()).isPositive();
    assertThat(get.headers().firstValue("X-Consul-Index")).hasValue(pair.get("ModifyIndex").asText());
    assertThat(get.headers().firstValue("X-Consul-Knownleader")).isPresent();
    assertThat(get.headers().firstValue("X-Consul-Lastcontact")).isPresent();
    assertThat(get.headers().firstValue("X-Consul-Default-Acl-Policy")).hasValue("allow");
  }

  @Test
  void emptyBodyIsNullValueAndUnsignedFlagsRoundTrip() throws Exception {
    http.put("/v1/kv/kvt/empty?flags=18446744073709551615", "");
    JsonNode pair = json(http.get("/v1/kv/kvt/empty")).get(0);
    assertThat(pair.get("Value").isNull()).isTrue();
    assertThat(pair.get("Flags").asText()).isEqualTo("18446744073709551615");
  }

  @Test
  void missingKeyIs404WithEmptyBodyAndIndexHeaders() {
    HttpResponse<String> r = http.get("/v1/kv/kvt/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("X-Consul-Index")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(r.headers().firstValue("X-Consul-Knownleader")).isPresent();
  }

  @Test
  void recurseKeysAndSeparator() throws Exception {
    http.put("/v1/kv/tree/a", "1");
    http.put("/v1/kv/tree/b/c", "2");
    http.put("/v1/kv/tree/b/d", "3");
    JsonNode all = json(http.get("/v1/kv/tree/?recurse=1"));
    assertThat(all).hasSize(3);
    assertThat(all.get(0).get("Key").asText()).isEqualTo("tree/a");
    assertThat(json(http.get("/v1/kv/tree/?keys=True")).toString())
        .isEqualTo("[\"tree/a\",\"tree/b/c\",\"tree/b/d\"]");
    assertThat(json(http.get("/v1/kv/tree/?keys&separator=/")).toString())
        .isEqualTo("[\"tree/a\",\"tree/b/\"]");
    assertThat(json(http.get("/v1/kv/tree/?keys&seperator=/")).toString())
        .isEqualTo("[\"tree/a\",\"tree/b/\"]");
    assertThat(http.get("/v1/kv/nothing-here/?recurse").statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/kv/nothing-here/?keys").statusCode()).isEqualTo(404);
  }

  @Test
  void rawAnswersValueBytes() {
    http.put("/v1/kv/kvt/raw", "plain text");
    HttpResponse<String> r = http.get("/v1/kv/kvt/raw?raw");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("plain text");
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void casCreatesOnlyWhenAbsentAndUpdatesOnlyAtIndex() throws Exception {
    assertThat(http.put("/v1/kv/kvt/cas?cas=0", "v1").body()).isEqualTo("true");
    assertThat(http.put("/v1/kv/kvt/cas?cas=0", "v2").body()).isEqualTo("false");
    long idx = json(http.get("/v1/kv/kvt/cas")).get(0).get("ModifyIndex").asLong();
    assertThat(http.put("/v1/kv/kvt/cas?cas=" + (idx + 1000), "v3").body()).isEqualTo("false");
    assertThat(http.put("/v1/kv/kvt/cas?cas=" + idx, "v4").body()).isEqualTo("true");
    assertThat(http.get("/v1/kv/kvt/cas?raw").body()).isEqualTo("v4");
    long idx2 = json(http.get("/v1/kv/kvt/cas")).get(0).get("ModifyIndex").asLong();
    assertThat(http.delete("/v1/kv/kvt/cas?cas=" + idx).body()).isEqualTo("false");
    assertThat(http.delete("/v1/kv/kvt/cas?cas=" + idx2).body()).isEqualTo("true");
    assertThat(http.get("/v1/kv/kvt/cas").statusCode()).isEqualTo(404);
  }

  @Test
  void deleteAndDeleteRecurse() {
    http.put("/v1/kv/del/a", "1");
    http.put("/v1/kv/del/b", "2");
    assertThat(http.delete("/v1/kv/del/a").body()).isEqualTo("true");
    assertThat(http.delete("/v1/kv/del/absent").body()).isEqualTo("true");
    assertThat(http.get("/v1/kv/del/a").statusCode()).isEqualTo(404);
    assertThat(http.delete("/v1/kv/del/?recurse").body()).isEqualTo("true");
    assertThat(http.get("/v1/kv/del/?recurse").statusCode()).isEqualTo(404);
  }

  @Test
  void percentEncodedSlashStaysInTheKey() throws Exception {
    assertThat(http.put("/v1/kv/enc/a%2Fb%20c", "x").statusCode()).isEqualTo(200);
    assertThat(json(http.get("/v1/kv/enc/?recurse")).get(0).get("Key").asText()).isEqualTo("enc/a/b c");
    assertThat(http.get("/v1/kv/enc/a/b%20c?raw").body()).isEqualTo("x");
  }

  @Test
  void blockingGetWakesOnChangeOfItsKeyNotOnUnrelatedWrites() throws Exception {
    http.put("/v1/kv/block/k", "v1");
    HttpResponse<String> first = http.get("/v1/kv/block/k");
    String index = first.headers().firstValue("X-Consul-Index").orElseThrow();

    // Unrelated write while parked: the query must time out with the same index and data.
    CompletableFuture<HttpResponse<String>> parked =
        CompletableFuture.supplyAsync(() -> http.get("/v1/kv/block/k?index=" + index + "&wait=2s"));
    http.put("/v1/kv/block/other", "noise");
    HttpResponse<String> timedOut = parked.join();
    assertThat(timedOut.statusCode()).isEqualTo(200);
    assertThat(timedOut.headers().firstValue("X-Consul-Index")).hasValue(index);
    assertThat(json(timedOut).get(0).get("Value").asText()).isEqualTo(Base64.getEncoder().encodeToString("v1".getBytes()));

    // A change of the key itself wakes it with the new data and a higher index.
    CompletableFuture<HttpResponse<String>> woken =
        CompletableFuture.supplyAsync(() -> http.get("/v1/kv/block/k?index=" + index + "&wait=30s"));
    http.put("/v1/kv/block/k", "v2");
    HttpResponse<String> r = woken.join();
    assertThat(Long.parseLong(r.headers().firstValue("X-Consul-Index").orElseThrow()))
        .isGreaterThan(Long.parseLong(index));
    assertThat(json(r).get(0).get("Value").asText()).isEqualTo(Base64.getEncoder().encodeToString("v2".getBytes()));
  }

  @Test
  void chunkedBodyWithH2cUpgradeHeaderLikeSpringsJdkClient() throws Exception {
    java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_2).build();
    java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(http.base() + "/v1/kv/chunked/k"))
        .header("X-Consul-Token", "")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream("streamed".getBytes())))
        .build();
    HttpResponse<String> r = h2.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("true");
    assertThat(http.get("/v1/kv/chunked/k?raw").body()).isEqualTo("streamed");
  }

  @Test
  void prettyIndentsWithFourSpaces() {
    http.put("/v1/kv/pretty/k", "v");
    String body = http.get("/v1/kv/pretty/k?pretty").body();
    assertThat(body).startsWith("[\n    {\n        \"LockIndex\": 0,").endsWith("\n");
  }
}
