package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.query.Health;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.http.ReadOptions;
import io.registry.gateway.json.AgentBodies;
import io.registry.gateway.json.AgentJson;
import io.registry.gateway.json.CatalogJson;
import io.registry.gateway.json.Json;
import io.registry.node.agent.LocalAgent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** /v1/agent/service* and /v1/agent/health/service/* (§4.2), on the local agent's state. */
final class AgentServiceEndpoints {
  private static final List<String> WORST_FIRST = List.of("maintenance", "critical", "warning", "passing");

  private final ApiContext api;

  AgentServiceEndpoints(ApiContext api) {
    this.api = api;
  }

  private LocalAgent agent() {
    return api.node().agent();
  }

  CompletableFuture<ApiResponse> register(ApiRequest r) {
    var spec = AgentBodies.service(Bodies.json(r, "api.AgentServiceRegistration"));
    String replace = r.query().get("replace-existing-checks").orElse(null);
    boolean replaceChecks = replace != null && (replace.isEmpty() || replace.equals("true"));
    agent().registerService(spec, replaceChecks);
    return AgentEndpoints.done(ApiResponse.empty());
  }

  CompletableFuture<ApiResponse> deregister(ApiRequest r) {
    agent().deregisterService(r.param());
    return AgentEndpoints.done(ApiResponse.empty());
  }

  CompletableFuture<ApiResponse> maintenance(ApiRequest r) {
    if (r.param().isEmpty()) {
      throw HttpError.badRequest("Missing service ID");
    }
    boolean enable = AgentEndpoints.enable(r.query());
    agent().setServiceMaintenance(r.param(), enable, r.query().getOr("reason", ""));
    return AgentEndpoints.done(ApiResponse.empty());
  }

  CompletableFuture<ApiResponse> list(ApiRequest r) {
    ObjectNode o = Json.object();
    agent().services().forEach((id, s) -> o.set(id, AgentJson.service(s, api.datacenter())));
    return AgentEndpoints.done(ApiResponse.json(ApiContext.filter(r, o)));
  }

  /** One service plus ContentHash; ?hash blocks until the hash differs (§2.9 rule 8). */
  CompletableFuture<ApiResponse> get(ApiRequest r) {
    String id = r.param();
    String seen = r.query().getOr("hash", "");
    ReadOptions o = ReadOptions.parse(r.query());
    if (seen.isEmpty()) {
      return AgentEndpoints.done(render(id, describe(id)));
    }
    return api.poll(() -> describe(id), d -> d == null || !d.get("ContentHash").asText().equals(seen),
        o.waitTime()).thenApply(d -> render(id, d));
  }

  private ObjectNode describe(String id) {
    Optional<Service> s = agent().service(id);
    if (s.isEmpty()) {
      return null;
    }
    ObjectNode o = AgentJson.service(s.get(), api.datacenter());
    o.put("ContentHash", hash(Json.encode(o, false)));
    return o;
  }

  private static ApiResponse render(String id, ObjectNode d) {
    if (d == null) {
      return ApiResponse.text(404, "unknown service ID: " + id);
    }
    return ApiResponse.json(d).withHeader("X-Consul-Contenthash", d.get("ContentHash").asText());
  }

  private static String hash(byte[] data) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(data);
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<ApiResponse> healthById(ApiRequest r) {
    String id = r.param();
    if (id.isEmpty()) {
      throw HttpError.badRequest("Missing serviceID");
    }
    boolean text = wantsText(r);
    Optional<Service> s = agent().service(id);
    if (s.isEmpty()) {
      if (text) {
        return AgentEndpoints.done(ApiResponse.text(404, "ServiceId " + id + " not found"));
      }
      ObjectNode o = Json.object();
      o.put("AggregatedStatus", "critical");
      o.putNull("Service");
      o.putNull("Checks");
      return AgentEndpoints.done(ApiResponse.json(404, o));
    }
    HealthOf h = health(s.get());
    return AgentEndpoints.done(answer(h.status(), text ? null : h.json(), text));
  }

  CompletableFuture<ApiResponse> healthByName(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing service Name");
    }
    boolean text = wantsText(r);
    List<Service> matching = agent().services().values().stream()
        .filter(s -> s.name().equals(name)).toList();
    if (matching.isEmpty()) {
      return AgentEndpoints.done(text
          ? ApiResponse.text(404, "ServiceName " + name + " Not Found")
          : ApiResponse.json(404, Json.array()));
    }
    ArrayNode a = Json.array();
    String worst = "passing";
    for (Service s : matching) {
      HealthOf h = health(s);
      a.add(h.json());
      if (WORST_FIRST.indexOf(h.status()) < WORST_FIRST.indexOf(worst)) {
        worst = h.status();
      }
    }
    return AgentEndpoints.done(answer(worst, text ? null : a, text));
  }

  private record HealthOf(String status, ObjectNode json) {}

  /** The service's checks plus the agent's node-level checks, through the one health rule. */
  private HealthOf health(Service s) {
    List<Check> checks = agent().checks().values().stream()
        .filter(c -> c.isNodeLevel() || c.serviceId().equals(s.id()))
        .toList();
    String status = Health.inMaintenance(checks) ? "maintenance" : Health.aggregate(checks);
    ObjectNode o = Json.object();
    o.put("AggregatedStatus", status);
    o.set("Service", AgentJson.service(s, api.datacenter()));
    o.set("Checks", CatalogJson.checks(checks));
    return new HealthOf(status, o);
  }

  private static ApiResponse answer(String status, com.fasterxml.jackson.databind.JsonNode body, boolean text) {
    int code = switch (status) {
      case "passing" -> 200;
      case "warning" -> 429;
      default -> 503;
    };
    ApiResponse resp = text
        ? ApiResponse.raw(code, status.getBytes(StandardCharsets.UTF_8), "text/plain")
        : ApiResponse.json(code, body);
    return resp.withHeader("X-Consul-Reason", status);
  }

  private static boolean wantsText(ApiRequest r) {
    String accept = r.header("Accept");
    return r.query().getOr("format", "").equals("text")
        || (accept != null && accept.startsWith("text/plain"));
  }
}
