package io.registry.gateway.http.v1;

import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.GatewayOptions;
import io.registry.gateway.http.Router;

/** The v1 route table (consul-api.md §1): paths, their methods, their handlers. */
public final class V1Routes {
  private V1Routes() {}

  public static Router build(ApiContext api, GatewayOptions options) {
    AgentEndpoints agent = new AgentEndpoints(api);
    AgentServiceEndpoints services = new AgentServiceEndpoints(api);
    AgentCheckEndpoints checks = new AgentCheckEndpoints(api);
    CatalogEndpoints catalog = new CatalogEndpoints(api);
    HealthEndpoints health = new HealthEndpoints(api);
    KvEndpoints kv = new KvEndpoints(api, options.kvMaxValueSize());
    StatusEndpoints status = new StatusEndpoints(api);
    OperatorEndpoints operator = new OperatorEndpoints(api);
    return new Router()
        .add("/v1/agent/self", agent::self, "GET")
        .add("/v1/agent/members", agent::members, "GET")
        .add("/v1/agent/maintenance", agent::maintenance, "PUT")
        .add("/v1/agent/reload", agent::reload, "PUT")
        .add("/v1/agent/leave", agent::leave, "PUT")
        .add("/v1/agent/join/", agent::join, "PUT")
        .add("/v1/agent/force-leave/", agent::forceLeave, "PUT")
        .add("/v1/agent/services", services::list, "GET")
        .add("/v1/agent/service/register", services::register, "PUT")
        .add("/v1/agent/service/deregister/", services::deregister, "PUT")
        .add("/v1/agent/service/maintenance/", services::maintenance, "PUT")
        .add("/v1/agent/service/", services::get, "GET")
        .add("/v1/agent/health/service/id/", services::healthById, "GET")
        .add("/v1/agent/health/service/name/", services::healthByName, "GET")
        .add("/v1/agent/checks", checks::list, "GET")
        .add("/v1/agent/check/register", checks::register, "PUT")
        .add("/v1/agent/check/deregister/", checks::deregister, "PUT")
        .add("/v1/agent/check/pass/", checks::pass, "PUT")
        .add("/v1/agent/check/warn/", checks::warn, "PUT")
        .add("/v1/agent/check/fail/", checks::fail, "PUT")
        .add("/v1/agent/check/update/", checks::update, "PUT")
        .add("/v1/catalog/register", catalog::register, "PUT")
        .add("/v1/catalog/deregister", catalog::deregister, "PUT")
        .add("/v1/catalog/datacenters", catalog::datacenters, "GET")
        .add("/v1/catalog/nodes", catalog::nodes, "GET")
        .add("/v1/catalog/services", catalog::services, "GET")
        .add("/v1/catalog/service/", catalog::service, "GET")
        .add("/v1/catalog/node/", catalog::node, "GET")
        .add("/v1/catalog/node-services/", catalog::nodeServices, "GET")
        .add("/v1/health/node/", health::node, "GET")
        .add("/v1/health/checks/", health::checks, "GET")
        .add("/v1/health/service/", health::service, "GET")
        .add("/v1/health/state/", health::state, "GET")
        .add("/v1/kv/", kv::handle, "GET", "PUT", "DELETE")
        .add("/v1/status/leader", status::leader, "GET")
        .add("/v1/status/peers", status::peers, "GET")
        .add("/v1/operator/raft/configuration", operator::raftConfiguration, "GET")
        .add("/v1/operator/raft/peer", operator::removePeer, "DELETE");
  }
}
