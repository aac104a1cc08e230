package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.json.Json;
import io.registry.node.api.Member;
import io.registry.node.api.NoLeaderException;
import io.registry.node.api.RaftStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GET /v1/operator/raft/configuration and DELETE /v1/operator/raft/peer (§11.2). Built from the Raft status (peer RPC
 * addresses, leader, indexes) and the member rows, which name each server (tags raft_id and
 * port), so the gateway needs nothing Ratis-specific. Every peer is a voter: we add no
 * listeners (membership.md, P9).
 */
final class OperatorEndpoints {
  private final ApiContext api;

  OperatorEndpoints(ApiContext api) {
    this.api = api;
  }

  CompletableFuture<ApiResponse> raftConfiguration(ApiRequest r) {
    RaftStatus s = api.node().raftStatus();
    if (!s.knownLeader() && !r.query().has("stale")) {
      throw new NoLeaderException();
    }
    List<Member> members = api.node().members();
    ArrayNode servers = Json.array();
    for (String address : s.peers()) {
      Member m = members.stream().filter(x -> address.equals(rpcAddress(x))).findFirst()
          .orElse(null);
      ObjectNode o = servers.addObject();
      o.put("ID", m == null ? address : m.tags().getOrDefault("raft_id",
          m.tags().getOrDefault("id", address)));
      o.put("Node", m == null ? "(unknown)" : m.name());
      o.put("Address", address);
      o.put("Leader", s.knownLeader() && address.equals(s.leaderAddress()));
      o.put("Voter", true);
      o.put("ProtocolVersion", "3");
      o.put("LastIndex", s.lastLogIndex());
    }
    ObjectNode out = Json.object();
    out.set("Servers", servers);
    out.put("Index", s.commitIndex());
    return CompletableFuture.completedFuture(ApiResponse.json(out));
  }

  /**
   * DELETE /v1/operator/raft/peer?id=|address= (§11.2): 200 empty once the peer is out; 400
   * without exactly one of them, 500 naming an unknown peer or the quorum refusal.
   */
  CompletableFuture<ApiResponse> removePeer(ApiRequest r) {
    boolean hasId = r.query().has("id");
    boolean hasAddress = r.query().has("address");
    if (!hasId && !hasAddress) {
      throw HttpError.badRequest("Must specify either ?id with the server's ID or ?address with "
          + "IP:port of peer to remove");
    }
    if (hasId && hasAddress) {
      throw HttpError.badRequest("Must specify only one of ?id or ?address");
    }
    try {
      api.node().removePeer(hasId ? r.query().getOr("id", "") : "",
          hasAddress ? r.query().getOr("address", "") : "");
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw HttpError.internal(e.getMessage());
    }
    return CompletableFuture.completedFuture(ApiResponse.empty());
  }

  // A server member's internal RPC address: its address and the port in tag "port".
  private static String rpcAddress(Member m) {
    String port = m.tags().get("port");
    return port == null ? "" : m.addr() + ":" + port;
  }
}
