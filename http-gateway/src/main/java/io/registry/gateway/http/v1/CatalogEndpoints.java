package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.Register;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.NodeServices;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.ServiceInstance;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.json.CatalogBodies;
import io.registry.gateway.json.CatalogJson;
import io.registry.gateway.json.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** /v1/catalog (§5): register/deregister through Raft, blocking reads of the catalog. */
final class CatalogEndpoints {
  private final ApiContext api;

  CatalogEndpoints(ApiContext api) {
    this.api = api;
  }

  CompletableFuture<ApiResponse> register(ApiRequest r) {
    CatalogBodies.Decoded<Register> d = CatalogBodies.register(Bodies.json(r, "structs.RegisterRequest"));
    checkDatacenter(d.datacenter());
    Register reg = d.command();
    // Checked here too so a bad body never costs a Raft round; messages are Consul's.
    if (reg.getNode().getName().isEmpty()) {
      throw HttpError.internal("Must provide node");
    }
    if (!reg.getSkipNodeUpdate() && reg.getNode().getAddress().isEmpty()) {
      throw HttpError.internal("Must provide address if SkipNodeUpdate is not set");
    }
    if (reg.hasService() && reg.getService().getName().isEmpty()) {
      throw HttpError.internal("Must provide service name");
    }
    return api.write(Bodies.command().setRegister(reg).build())
        .thenApply(res -> ApiResponse.json(Json.object().booleanNode(true)));
  }

  CompletableFuture<ApiResponse> deregister(ApiRequest r) {
    CatalogBodies.Decoded<Deregister> d =
        CatalogBodies.deregister(Bodies.json(r, "structs.DeregisterRequest"));
    checkDatacenter(d.datacenter());
    if (d.command().getNode().isEmpty()) {
      throw HttpError.internal("Must provide node");
    }
    return api.write(Bodies.command().setDeregister(d.command()).build())
        .thenApply(res -> ApiResponse.json(Json.object().booleanNode(true)));
  }

  private void checkDatacenter(String dc) {
    if (!dc.isEmpty() && !dc.equals(api.datacenter())) {
      throw HttpError.internal("No path to datacenter");
    }
  }

  CompletableFuture<ApiResponse> datacenters(ApiRequest r) {
    return CompletableFuture.completedFuture(ApiResponse.json(Json.strings(List.of(api.datacenter()))));
  }

  CompletableFuture<ApiResponse> nodes(ApiRequest r) {
    return api.read(r, c -> c.nodes(), nodes -> {
      ArrayNode a = Json.array();
      nodes.stream().filter(n -> Filters.hasNodeMeta(n, r.query()))
          .forEach(n -> a.add(CatalogJson.node(n)));
      return ApiResponse.json(ApiContext.filter(r, a));
    }, true);
  }

  CompletableFuture<ApiResponse> services(ApiRequest r) {
    return api.read(r, c -> c.services(), services -> {
      ObjectNode o = Json.object();
      services.forEach((name, tags) -> o.set(name, Json.strings(tags)));
      return ApiResponse.json(o);
    }, true);
  }

  CompletableFuture<ApiResponse> service(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing service name");
    }
    return api.read(r, c -> c.service(name, HealthFilter.ANY), list -> {
      ArrayNode a = Json.array();
      for (ServiceInstance i : list) {
        if (Filters.hasTags(i.service(), r.query()) && Filters.hasNodeMeta(i.node(), r.query())) {
          a.add(CatalogJson.catalogService(i));
        }
      }
      return ApiResponse.json(ApiContext.filter(r, a));
    }, true);
  }

  CompletableFuture<ApiResponse> node(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing node name");
    }
    return api.read(r, c -> c.node(name), ns -> {
      if (ns == null) {
        return ApiResponse.json(Json.object().nullNode());
      }
      ObjectNode services = Json.object();
      for (Service s : ns.services()) {
        services.set(s.id(), CatalogJson.nodeService(s));
      }
      ObjectNode o = Json.object();
      o.set("Node", CatalogJson.node(ns.node()));
      o.set("Services", ApiContext.filter(r, services));
      return ApiResponse.json(o);
    }, true);
  }

  CompletableFuture<ApiResponse> nodeServices(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing node name");
    }
    return api.read(r, c -> c.node(name), (NodeServices ns) -> {
      ObjectNode o = Json.object();
      if (ns == null) {
        o.putNull("Node");
        o.putNull("Services");
        return ApiResponse.json(o);
      }
      ArrayNode services = Json.array();
      ns.services().forEach(s -> services.add(CatalogJson.nodeService(s)));
      o.set("Node", CatalogJson.node(ns.node()));
      o.set("Services", ApiContext.filter(r, services));
      return ApiResponse.json(o);
    }, true);
  }
}
