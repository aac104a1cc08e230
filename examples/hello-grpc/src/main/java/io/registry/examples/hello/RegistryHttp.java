package io.registry.examples.hello;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three calls of the tutorial against the Consul-compatible HTTP API, with nothing but
 * the JDK's HTTP client and Jackson: register, deregister, and list healthy instances.
 */
public final class RegistryHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** agent is host:port of the registry's HTTP API, e.g. 127.0.0.1:8500. */
  public RegistryHttp(String agent) {
    this.base = "http://" + agent;
  }

  /**
   * PUT /v1/agent/service/register: this instance, and a TCP check on its own port that the
   * agent runs every interval, giving up on a connect after timeout.
   */
  public void register(String id, String name, List<String> tags, String address, int port,
      String interval, String timeout) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ID", id);
    body.put("Name", name);
    body.putPOJO("Tags", tags);
    body.put("Address", address);
    body.put("Port", port);
    ObjectNode check = body.putObject("Check");
    check.put("TCP", address + ":" + port);
    check.put("Interval", interval);
    check.put("Timeout", timeout);
    send("PUT", "/v1/agent/service/register", body.toString());
  }

  /** PUT /v1/agent/service/deregister/:id. */
  public void deregister(String id) {
    send("PUT", "/v1/agent/service/deregister/" + encode(id), "");
  }

  /** GET /v1/health/service/:name?passing: instances whose checks all pass. */
  public List<Endpoint> healthy(String name) {
    JsonNode entries = read(send("GET", "/v1/health/service/" + encode(name) + "?passing", null));
    List<Endpoint> out = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode service = entry.path("Service");
      String address = service.path("Address").asText("");
      if (address.isEmpty()) {
        address = entry.path("Node").path("Address").asText(); // Consul's fallback
      }
      out.add(new Endpoint(service.path("ID").asText(), address, service.path("Port").asInt()));
    }
    return out;
  }

  private String send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(10));
    request.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + ": " + response.statusCode()
            + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + base + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One healthy instance: where to call it. */
  public record Endpoint(String id, String address, int port) {}
}
