package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.http.QueryParams;
import io.registry.gateway.json.AgentJson;
import io.registry.gateway.json.Json;
import io.registry.node.api.Member;
import io.registry.node.api.NodeIdentity;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.ReloadException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** /v1/agent self, members, node maintenance and lifecycle (§4.1). */
final class AgentEndpoints {
  private final ApiContext api;

  AgentEndpoints(ApiContext api) {
    this.api = api;
  }

  CompletableFuture<ApiResponse> self(ApiRequest r) {
    NodeIdentity self = api.node().self();
    RaftStatus raft = api.node().raftStatus();
    ObjectNode config = Json.object();
    config.put("Datacenter", self.datacenter());
    config.put("PrimaryDatacenter", self.datacenter());
    config.put("NodeName", self.nodeName());
    config.put("NodeID", self.nodeId());
    config.put("Revision", "");
    config.put("Server", self.server());
    config.put("Version", self.version());
    config.put("BuildDate", "1970-01-01T00:00:00Z");
    ObjectNode o = Json.object();
    o.set("Config", config);
    o.set("DebugConfig", Json.object());
    o.putNull("Coord");
    o.set("Member", AgentJson.member(selfMember(self)));
    o.set("Stats", stats(self, raft));
    o.set("Meta", Json.stringMap(self.meta()));
    return done(ApiResponse.json(o));
  }

  private Member selfMember(NodeIdentity self) {
    return api.node().members().stream()
        .filter(m -> m.name().equals(self.nodeName()))
        .findFirst()
        .orElse(new Member(self.nodeName(), self.advertiseAddress(), 0, Map.of(), 1));
  }

  private ObjectNode stats(NodeIdentity self, RaftStatus raft) {
    ObjectNode agent = Json.object();
    agent.put("checks", count(() -> api.node().agent().checks().size()));
    agent.put("services", count(() -> api.node().agent().services().size()));
    agent.put("check_monitors", "0");
    agent.put("check_ttls", count(() -> (int) api.node().agent().checks().values().stream()
        .filter(c -> c.type().equals("ttl")).count()));
    ObjectNode build = Json.object();
    build.put("version", self.version());
    build.put("revision", "");
    build.put("prerelease", "");
    ObjectNode consul = Json.object();
    consul.put("server", Boolean.toString(self.server()));
    consul.put("leader", Boolean.toString(raft.state().equals("leader")));
    consul.put("leader_addr", raft.leaderAddress());
    consul.put("bootstrap", "false");
    consul.put("known_datacenters", "1");
    consul.put("acl", "disabled");
    ObjectNode raftStats = Json.object();
    raftStats.put("state", raft.state().toUpperCase(java.util.Locale.ROOT));
    raftStats.put("term", Long.toString(raft.term()));
    raftStats.put("commit_index", Long.toUnsignedString(raft.commitIndex()));
    raftStats.put("applied_index", Long.toUnsignedString(raft.appliedIndex()));
    raftStats.put("last_log_index", Long.toUnsignedString(raft.lastLogIndex()));
    raftStats.put("last_contact", raft.lastContactMs() == 0 ? "0" : raft.lastContactMs() + "ms");
    raftStats.put("num_peers", Integer.toString(Math.max(0, raft.peers().size() - 1)));
    raftStats.put("latest_configuration", raft.peers().toString());
    ObjectNode runtime = Json.object();
    runtime.put("os", System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT));
    runtime.put("arch", System.getProperty("os.arch", ""));
    runtime.put("cpu_count", Integer.toString(Runtime.getRuntime().availableProcessors()));
    runtime.put("version", Runtime.version().toString());
    ObjectNode stats = Json.object();
    stats.set("agent", agent);
    stats.set("build", build);
    stats.set("consul", consul);
    stats.set("raft", raftStats);
    stats.set("runtime", runtime);
    return stats;
  }

  // agent/self must answer even while parts of the agent are still starting.
  private static String count(Supplier<Integer> n) {
    try {
      return Integer.toString(n.get());
    } catch (RuntimeException e) {
      return "0";
    }
  }

  CompletableFuture<ApiResponse> members(ApiRequest r) {
    QueryParams q = r.query();
    boolean wan = !q.getOr("wan", "").isEmpty();
    String segment = q.getOr("segment", "");
    if (wan && !segment.isEmpty() && !segment.equals("_all")) {
      throw HttpError.badRequest("Cannot provide a segment with wan=true");
    }
    ArrayNode a = Json.array();
    api.node().members().forEach(m -> a.add(AgentJson.member(m)));
    return done(ApiResponse.json(ApiContext.filter(r, a)));
  }

  CompletableFuture<ApiResponse> maintenance(ApiRequest r) {
    boolean enable = enable(r.query());
    api.node().agent().setNodeMaintenance(enable, r.query().getOr("reason", ""));
    return done(ApiResponse.empty());
  }

  /** PUT /v1/agent/reload: 500 with the file, key and reason when the files are refused. */
  CompletableFuture<ApiResponse> reload(ApiRequest r) {
    try {
      api.node().reload();
    } catch (ReloadException e) {
      throw HttpError.internal(e.getMessage());
    }
    return done(ApiResponse.empty());
  }

  /**
   * PUT /v1/agent/leave (?force, our extension): the node leaves, then 200, then its process
   * shuts down. A refused or failed leave answers 500 with the reason and the node stays.
   */
  CompletableFuture<ApiResponse> leave(ApiRequest r) {
    Runnable shutdown;
    try {
      shutdown = api.node().leave(r.query().has("force"));
    } catch (IllegalStateException e) {
      throw HttpError.internal(e.getMessage());
    }
    return done(ApiResponse.empty().afterSent(shutdown));
  }

  /**
   * PUT /v1/agent/force-leave/:node (?prune): 500 with the plain reason for an unknown or
   * alive node. Blocking: the Raft conf change and the writes take a round trip or two.
   */
  CompletableFuture<ApiResponse> forceLeave(ApiRequest r) {
    try {
      api.node().forceLeave(r.param(), r.query().has("prune"));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw HttpError.internal(e.getMessage());
    }
    return done(ApiResponse.empty());
  }

  /**
   * PUT /v1/agent/join/:address (?wan): 200 once the agent's cluster answered through the
   * address; 500 with the reason otherwise. One datacenter, so no WAN pool to join.
   */
  CompletableFuture<ApiResponse> join(ApiRequest r) {
    if (r.query().has("wan")) {
      throw HttpError.internal("WAN join is not supported: this registry has no WAN pool");
    }
    try {
      api.node().join(r.param());
    } catch (IllegalStateException e) {
      throw HttpError.internal(e.getMessage());
    }
    return done(ApiResponse.empty());
  }

  /** ?enable on maintenance endpoints: required, Go ParseBool. */
  static boolean enable(QueryParams q) {
    if (!q.has("enable") || q.getOr("enable", "").isEmpty()) {
      throw HttpError.badRequest("Missing value for enable");
    }
    String v = q.getOr("enable", "");
    Boolean b = QueryParams.parseBool(v);
    if (b == null) {
      throw HttpError.badRequest("Invalid value for enable: \"" + v + "\"");
    }
    return b;
  }

  static CompletableFuture<ApiResponse> done(ApiResponse r) {
    return CompletableFuture.completedFuture(r);
  }
}
