package io.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.query.Health;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one health rule: service check status x node-level check x filter (catalog.md sec. 5). */
class HealthTest {

  @ParameterizedTest(name = "service={0} node={1} -> {2}; ANY={3} NOT_CRITICAL={4} PASSING={5}")
  @CsvSource({
    // service, node-level, aggregate, ANY, NOT_CRITICAL, PASSING
    "-,        -,           passing,  true, true,  true",
    "passing,  -,           passing,  true, true,  true",
    "warning,  -,           warning,  true, true,  false",
    "critical, -,           critical, true, false, false",
    "passing,  passing,     passing,  true, true,  true",
    "passing,  warning,     warning,  true, true,  false",
    "passing,  critical,    critical, true, false, false",
    "warning,  critical,    critical, true, false, false",
    "critical, passing,     critical, true, false, false",
    "-,        warning,     warning,  true, true,  false",
    "passing,  maintenance, critical, true, false, false",
    "maintenance, passing,  critical, true, false, false",
  })
  void healthRuleTable(String service, String node, String aggregate, boolean any,
      boolean notCritical, boolean passing) {
    List<Check> checks = new ArrayList<>();
    if (!node.equals("-")) {
      checks.add(check("n", "", node));
    }
    if (!service.equals("-")) {
      checks.add(check("s", "svc-1", service));
    }
    assertThat(Health.aggregate(checks)).isEqualTo(aggregate);
    assertThat(Health.keeps(checks, HealthFilter.ANY)).isEqualTo(any);
    assertThat(Health.keeps(checks, HealthFilter.NOT_CRITICAL)).isEqualTo(notCritical);
    assertThat(Health.keeps(checks, HealthFilter.PASSING)).isEqualTo(passing);
    assertThat(Health.inMaintenance(checks))
        .isEqualTo(service.equals("maintenance") || node.equals("maintenance"));
  }

  /** "maintenance" stands for a check of type maintenance, whose status Consul sets critical. */
  private static Check check(String id, String serviceId, String word) {
    boolean maintenance = word.equals("maintenance");
    return new Check("n1", id, id, maintenance ? Check.PASSING : word, "", "", serviceId, "",
        List.of(), maintenance ? "maintenance" : "", "", "", null, 2, 2);
  }
}
