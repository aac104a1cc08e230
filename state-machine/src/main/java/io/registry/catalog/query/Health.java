package io.registry.catalog.query;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import java.util.List;

/**
 * The one health rule, used by every door (HTTP, DNS, gRPC, UI, agent endpoints).
 * Aggregate = the worst status, passing < warning < critical; no checks = passing;
 * maintenance checks count as critical.
 */
public final class Health {
  private Health() {}

  /** passing, warning or critical. */
  public static String aggregate(List<Check> checks) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** True when any check is of type "maintenance". */
  public static boolean inMaintenance(List<Check> checks) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Whether an instance with these checks (node-level included) survives the filter. */
  public static boolean keeps(List<Check> checks, HealthFilter filter) {
    throw new UnsupportedOperationException("TODO(#3)");
  }
}
