package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.ServiceInstance;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.http.QueryParams;
import io.registry.gateway.json.CatalogJson;
import io.registry.gateway.json.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** /v1/health (§6): all four blocking, [] (with index) when empty. */
final class HealthEndpoints {
  private final ApiContext api;

  HealthEndpoints(ApiContext api) {
    this.api = api;
  }

  CompletableFuture<ApiResponse> node(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing node name");
    }
    return api.read(r, c -> c.nodeChecks(name), checks -> checks(r, checks), true);
  }

  CompletableFuture<ApiResponse> checks(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing service name");
    }
    return api.read(r, c -> c.serviceChecks(name), checks -> checks(r, checks), true);
  }

  CompletableFuture<ApiResponse> state(ApiRequest r) {
    String state = r.param();
    if (state.isEmpty()) {
      throw HttpError.badRequest("Missing check state");
    }
    return api.read(r, c -> c.checksInState(state), checks -> checks(r, checks), true);
  }

  CompletableFuture<ApiResponse> service(ApiRequest r) {
    String name = r.param();
    if (name.isEmpty()) {
      throw HttpError.badRequest("Missing service name");
    }
    HealthFilter filter = passing(r.query()) ? HealthFilter.PASSING : HealthFilter.ANY;
    return api.read(r, c -> c.service(name, filter), list -> {
      ArrayNode a = Json.array();
      for (ServiceInstance i : list) {
        if (Filters.hasTags(i.service(), r.query()) && Filters.hasNodeMeta(i.node(), r.query())) {
          a.add(CatalogJson.serviceEntry(i));
        }
      }
      return ApiResponse.json(ApiContext.filter(r, a));
    }, true);
  }

  /** ?passing: empty → true, else Go ParseBool (Spring sends ?passing=false by default). */
  static boolean passing(QueryParams q) {
    if (!q.has("passing")) {
      return false;
    }
    String v = q.getOr("passing", "");
    if (v.isEmpty()) {
      return true;
    }
    Boolean b = QueryParams.parseBool(v);
    if (b == null) {
      throw HttpError.badRequest("Invalid value for ?passing");
    }
    return b;
  }

  private static ApiResponse checks(ApiRequest r, List<Check> checks) {
    return ApiResponse.json(ApiContext.filter(r, CatalogJson.checks(checks)));
  }
}
