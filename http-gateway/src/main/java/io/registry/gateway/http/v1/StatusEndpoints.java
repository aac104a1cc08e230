package io.registry.gateway.http.v1;

import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.json.Json;
import java.util.concurrent.CompletableFuture;

/** /v1/status (§10): leader address ("" when none) and Raft voters; no index headers. */
final class StatusEndpoints {
  private final ApiContext api;

  StatusEndpoints(ApiContext api) {
    this.api = api;
  }

  CompletableFuture<ApiResponse> leader(ApiRequest r) {
    var s = api.node().raftStatus();
    return CompletableFuture.completedFuture(
        ApiResponse.json(Json.text(s.knownLeader() ? s.leaderAddress() : "")));
  }

  CompletableFuture<ApiResponse> peers(ApiRequest r) {
    return CompletableFuture.completedFuture(
        ApiResponse.json(Json.strings(api.node().raftStatus().peers())));
  }
}
