package io.registry.gateway.grpc;

import io.registry.catalog.Catalog;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.Result;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.ServiceInstance;
import io.registry.catalog.query.Health;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.grpc.v1.HealthyResponse;
import io.registry.grpc.v1.Instance;
import java.util.List;
import java.util.function.Function;

/**
 * The healthy set of a service as registry.v1 shows it, from the one health rule (catalog.md
 * §5): NOT_CRITICAL by default, PASSING with the passing flag, node checks included.
 */
final class HealthySets {
  private HealthySets() {}

  static Function<Catalog, Result<List<ServiceInstance>>> query(HealthyRequest request) {
    HealthFilter filter = request.getPassing() ? HealthFilter.PASSING : HealthFilter.NOT_CRITICAL;
    String name = request.getService();
    return catalog -> catalog.service(name, filter);
  }

  static HealthyResponse response(Result<List<ServiceInstance>> result, String tag) {
    HealthyResponse.Builder out = HealthyResponse.newBuilder().setIndex(result.index());
    for (ServiceInstance i : result.value()) {
      if (tag.isEmpty() || i.service().tags().stream().anyMatch(tag::equalsIgnoreCase)) {
        out.addInstances(instance(i));
      }
    }
    return out.build();
  }

  private static Instance instance(ServiceInstance i) {
    Service s = i.service();
    // Consul's clients fall back to the node's address when the service has none.
    String address = s.address().isEmpty() ? i.node().address() : s.address();
    return Instance.newBuilder()
        .setNode(i.node().name())
        .setId(s.id())
        .setAddress(address)
        .setPort(s.port())
        .addAllTags(s.tags())
        .putAllMeta(s.meta())
        .setHealth(health(Health.aggregate(i.checks())))
        .build();
  }

  private static io.registry.grpc.v1.Health health(String aggregate) {
    return switch (aggregate) {
      case "passing" -> io.registry.grpc.v1.Health.HEALTH_PASSING;
      case "warning" -> io.registry.grpc.v1.Health.HEALTH_WARNING;
      default -> io.registry.grpc.v1.Health.HEALTH_CRITICAL;
    };
  }
}
