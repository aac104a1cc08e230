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
  private static final String MAINTENANCE = "maintenance";

  private Health() {}

  /** passing, warning or critical. */
  public static String aggregate(List<Check> checks) {
    int worst = 0;
    for (Check check : checks) {
      worst = Math.max(worst, rank(check));
    }
    return switch (worst) {
      case 0 -> Check.PASSING;
      case 1 -> Check.WARNING;
      default -> Check.CRITICAL;
    };
  }

  /** True when any check is of type "maintenance". */
  public static boolean inMaintenance(List<Check> checks) {
    for (Check check : checks) {
      if (MAINTENANCE.equals(check.type())) {
        return true;
      }
    }
    return false;
  }

  /** Whether an instance with these checks (node-level included) survives the filter. */
  public static boolean keeps(List<Check> checks, HealthFilter filter) {
    // Consul's FilterIgnore: critical is dropped by both filters, warning by passing-only.
    int worst = rank(aggregate(checks));
    return switch (filter) {
      case ANY -> true;
      case NOT_CRITICAL -> worst < 2;
      case PASSING -> worst == 0;
    };
  }

  private static int rank(Check check) {
    return MAINTENANCE.equals(check.type()) ? 2 : rank(check.status());
  }

  /** Unknown words rank as critical: a status we cannot read must not look healthy. */
  private static int rank(String status) {
    return switch (status) {
      case Check.PASSING -> 0;
      case Check.WARNING -> 1;
      default -> 2;
    };
  }
}
