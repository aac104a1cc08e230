package io.registry.node.agent;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.CheckDefinition;
import io.registry.catalog.model.GoDuration;
import io.registry.node.check.ProbeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the agent's check rows from validated specs, and its maintenance checks. */
final class LocalChecks {
  private LocalChecks() {}

  /**
   * A check from a validated spec. New checks start critical unless the spec gives a status
   * (§4.4, TTL checks too).
   */
  static LocalCheck fromSpec(AgentCheckSpec spec, String checkId, String name, String serviceId) {
    String status = AgentValidator.isEmpty(spec.status()) ? Check.CRITICAL : spec.status();
    String type = type(spec);
    boolean ttl = CheckDefaults.TYPE_TTL.equals(type);
    String interval = ttl ? "" : text(raiseInterval(spec.interval()));
    String timeout = text(spec.timeout());
    CheckDefinition definition =
        new CheckDefinition(
            spec.http(),
            spec.method(),
            spec.header(),
            spec.body(),
            spec.tlsServerName(),
            spec.tlsSkipVerify(),
            spec.tcp(),
            spec.udp(),
            spec.grpc(),
            spec.grpcUseTls(),
            interval,
            timeout,
            text(spec.deregisterCriticalServiceAfter()));
    Check row =
        new Check(
            "", checkId, name, status, spec.notes(), "", serviceId, "", null, type, interval,
            timeout, definition, 0, 0);
    return new LocalCheck(
        row,
        ttl ? spec.ttl() : null,
        CheckDefaults.outputMaxSize(spec.outputMaxSize()),
        spec.successBeforePassing(),
        spec.failuresBeforeWarning(),
        spec.failuresBeforeCritical(),
        probe(spec, type));
  }

  /** What the runners need; null for kinds they do not run (TTL, UDP). */
  private static ProbeSpec probe(AgentCheckSpec spec, String type) {
    if (!ProbeSpec.runnable(type)) {
      return null;
    }
    return new ProbeSpec(type, spec.http(), spec.method(), spec.header(), spec.body(),
        spec.tlsSkipVerify(), spec.tlsServerName(), spec.disableRedirects(), spec.tcp(),
        spec.grpc(), spec.grpcUseTls(), spec.args(), spec.interval(), spec.timeout());
  }

  /**
   * The checks of a validated service registration, with Consul's default IDs and names:
   * `service:<id>` for a lone check, `service:<id>:<n>` by position when there are several.
   */
  static List<LocalCheck> forService(AgentServiceSpec spec, String serviceId) {
    List<LocalCheck> out = new ArrayList<>();
    int count = spec.checks().size();
    for (int i = 0; i < count; i++) {
      AgentCheckSpec c = spec.checks().get(i);
      String checkId = AgentValidator.isEmpty(c.id())
          ? CheckDefaults.serviceCheckId(serviceId, i + 1, count)
          : c.id();
      String name = AgentValidator.isEmpty(c.name())
          ? CheckDefaults.serviceCheckName(spec.name())
          : c.name();
      out.add(fromSpec(c, checkId, name, serviceId));
    }
    return out;
  }

  static LocalCheck nodeMaintenance(String reason) {
    String notes = AgentValidator.isEmpty(reason) ? CheckDefaults.NODE_MAINTENANCE_NOTES : reason;
    return maintenance(CheckDefaults.NODE_MAINTENANCE_ID, CheckDefaults.NODE_MAINTENANCE_NAME,
        notes, "");
  }

  static LocalCheck serviceMaintenance(String serviceId, String reason) {
    String notes =
        AgentValidator.isEmpty(reason) ? CheckDefaults.SERVICE_MAINTENANCE_NOTES : reason;
    return maintenance(CheckDefaults.serviceMaintenanceId(serviceId),
        CheckDefaults.SERVICE_MAINTENANCE_NAME, notes, serviceId);
  }

  private static LocalCheck maintenance(String id, String name, String notes, String serviceId) {
    Check row =
        new Check("", id, name, Check.CRITICAL, notes, "", serviceId, "", null,
            CheckDefaults.TYPE_MAINTENANCE, "", "", CheckDefinition.EMPTY, 0, 0);
    return new LocalCheck(row, null, CheckDefaults.OUTPUT_MAX_SIZE, 0, 0, 0, null);
  }

  /** Consul's CheckType.Type(): the first kind the spec names. */
  static String type(AgentCheckSpec spec) {
    if (positive(spec.ttl())) {
      return CheckDefaults.TYPE_TTL;
    }
    if (!AgentValidator.isEmpty(spec.http())) {
      return "http";
    }
    if (!AgentValidator.isEmpty(spec.tcp())) {
      return "tcp";
    }
    if (!AgentValidator.isEmpty(spec.udp())) {
      return "udp";
    }
    if (!AgentValidator.isEmpty(spec.grpc())) {
      return "grpc";
    }
    if (!spec.args().isEmpty()) {
      return "script";
    }
    return "";
  }

  /** Consul raises an interval under one second to one second instead of refusing it. */
  private static Duration raiseInterval(Duration interval) {
    if (interval == null || interval.compareTo(CheckDefaults.MIN_INTERVAL) >= 0) {
      return interval;
    }
    return CheckDefaults.MIN_INTERVAL;
  }

  /** Go duration text; "" when unset, as Consul shows an unset interval or timeout. */
  private static String text(Duration d) {
    return positive(d) ? GoDuration.format(d) : "";
  }

  private static boolean positive(Duration d) {
    return d != null && d.isPositive();
  }
}
