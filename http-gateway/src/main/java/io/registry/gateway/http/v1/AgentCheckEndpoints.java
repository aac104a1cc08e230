package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.model.Check;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.json.AgentBodies;
import io.registry.gateway.json.CatalogJson;
import io.registry.gateway.json.Json;
import io.registry.gateway.json.JsonFields;
import io.registry.node.agent.LocalAgent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** /v1/agent/check* (§4.3), on the local agent's state. */
final class AgentCheckEndpoints {
  private final ApiContext api;

  AgentCheckEndpoints(ApiContext api) {
    this.api = api;
  }

  private LocalAgent agent() {
    return api.node().agent();
  }

  /**
   * Consul's HealthCheck shape plus DeregisterCriticalServiceAt (RFC 3339, UTC): present only
   * while a service check with DeregisterCriticalServiceAfter is critical, so an operator
   * can see when the agent will remove the service.
   */
  CompletableFuture<ApiResponse> list(ApiRequest r) {
    ObjectNode o = Json.object();
    Map<String, Instant> reapAt = agent().deregisterCriticalServiceAt();
    agent().checks().forEach((id, c) -> {
      ObjectNode check = CatalogJson.check(c);
      Instant at = reapAt.get(id);
      if (at != null) {
        check.put("DeregisterCriticalServiceAt", at.toString());
      }
      o.set(id, check);
    });
    return AgentEndpoints.done(ApiResponse.json(ApiContext.filter(r, o)));
  }

  CompletableFuture<ApiResponse> register(ApiRequest r) {
    agent().registerCheck(AgentBodies.check(Bodies.json(r, "api.AgentCheckRegistration")));
    return AgentEndpoints.done(ApiResponse.empty());
  }

  CompletableFuture<ApiResponse> deregister(ApiRequest r) {
    agent().deregisterCheck(r.param());
    return AgentEndpoints.done(ApiResponse.empty());
  }

  CompletableFuture<ApiResponse> pass(ApiRequest r) {
    return ttl(r, Check.PASSING);
  }

  CompletableFuture<ApiResponse> warn(ApiRequest r) {
    return ttl(r, Check.WARNING);
  }

  CompletableFuture<ApiResponse> fail(ApiRequest r) {
    return ttl(r, Check.CRITICAL);
  }

  private CompletableFuture<ApiResponse> ttl(ApiRequest r, String status) {
    agent().updateTtlCheck(r.param(), status, r.query().getOr("note", ""));
    return AgentEndpoints.done(ApiResponse.empty());
  }

  CompletableFuture<ApiResponse> update(ApiRequest r) {
    JsonFields body = Bodies.json(r, "checkUpdate");
    String status = body.str("Status");
    String output = body.str("Output");
    if (status == null
        || !(status.equals(Check.PASSING) || status.equals(Check.WARNING) || status.equals(Check.CRITICAL))) {
      throw HttpError.badRequest("Invalid check status: '" + (status == null ? "" : status) + "'");
    }
    agent().updateTtlCheck(r.param(), status, output == null ? "" : output);
    return AgentEndpoints.done(ApiResponse.empty());
  }
}
