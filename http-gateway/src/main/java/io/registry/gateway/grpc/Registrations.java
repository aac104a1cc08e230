package io.registry.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.registry.grpc.v1.Check;
import io.registry.grpc.v1.ServiceRegistration;
import io.registry.node.agent.AgentCheckSpec;
import io.registry.node.agent.AgentServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a registry.v1 registration into the agent's own spec, so gRPC and HTTP registrations
 * meet the same validation and the same agent. What the proto shape allows and the agent
 * cannot see (a check with no kind, a negative duration, a port out of range) is refused
 * here; the rest is left to the agent and its message gets the field's name put in front
 * ({@link GrpcErrors#status}).
 */
final class Registrations {
  private static final int MAX_PORT = 65535;

  private Registrations() {}

  static AgentServiceSpec toSpec(ServiceRegistration r) {
    if (r.getName().isBlank()) {
      throw invalid("service.name", "missing service name");
    }
    if (r.getPort() < 0 || r.getPort() > MAX_PORT) {
      throw invalid("service.port", "must be between 0 and 65535, got " + r.getPort());
    }
    for (int i = 0; i < r.getTagsCount(); i++) {
      if (r.getTags(i).isEmpty()) {
        throw invalid("service.tags[" + i + "]", "must not be empty");
      }
    }
    List<AgentCheckSpec> checks = new ArrayList<>();
    for (int i = 0; i < r.getChecksCount(); i++) {
      checks.add(toSpec(r.getChecks(i), "service.checks[" + i + "]"));
    }
    return new AgentServiceSpec(
        blankToNull(r.getId()),
        r.getName(),
        r.getTagsList(),
        r.getAddress(),
        r.getPort(),
        r.getMetaMap(),
        null,
        null,
        false,
        null,
        checks);
  }

  private static AgentCheckSpec toSpec(Check c, String field) {
    String tcp = null;
    String http = null;
    String method = null;
    boolean tlsSkipVerify = false;
    String grpc = null;
    boolean grpcUseTls = false;
    Duration ttl = null;
    switch (c.getKindCase()) {
      case TCP -> tcp = required(c.getTcp().getAddress(), field + ".tcp.address");
      case HTTP -> {
        http = required(c.getHttp().getUrl(), field + ".http.url");
        method = blankToNull(c.getHttp().getMethod());
        tlsSkipVerify = c.getHttp().getTlsSkipVerify();
      }
      case GRPC -> {
        grpc = required(c.getGrpc().getTarget(), field + ".grpc.target");
        grpcUseTls = c.getGrpc().getUseTls();
      }
      case TTL -> {
        ttl = duration(c.getTtl().hasTtl() ? c.getTtl().getTtl() : null, field + ".ttl.ttl");
        if (ttl == null || ttl.isZero()) {
          throw invalid(field + ".ttl.ttl", "must be > 0 for a TTL check");
        }
      }
      case KIND_NOT_SET -> throw invalid(field, "needs one of tcp, http, grpc, ttl");
    }
    Duration interval = duration(c.hasInterval() ? c.getInterval() : null, field + ".interval");
    if (ttl == null && (interval == null || interval.isZero())) {
      throw invalid(field + ".interval", "must be > 0 for tcp, http and grpc checks");
    }
    if (ttl != null && interval != null && !interval.isZero()) {
      throw invalid(field + ".interval", "must not be set for a TTL check");
    }
    return new AgentCheckSpec(
        blankToNull(c.getId()),
        blankToNull(c.getName()),
        null,
        blankToNull(c.getNotes()),
        blankToNull(c.getStatus()),
        http,
        method,
        null,
        null,
        tlsSkipVerify,
        null,
        false,
        tcp,
        null,
        grpc,
        grpcUseTls,
        null,
        ttl,
        interval,
        duration(c.hasTimeout() ? c.getTimeout() : null, field + ".timeout"),
        duration(c.hasDeregisterCriticalServiceAfter() ? c.getDeregisterCriticalServiceAfter()
            : null, field + ".deregister_critical_service_after"),
        0,
        0,
        0,
        null);
  }

  /** Unset stays null (the agent's default applies); negative or malformed is refused. */
  private static Duration duration(com.google.protobuf.Duration d, String field) {
    if (d == null) {
      return null;
    }
    if (d.getSeconds() < 0 || d.getNanos() < 0 || d.getNanos() > 999_999_999) {
      throw invalid(field, "must not be negative");
    }
    return Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  private static String required(String value, String field) {
    if (value.isBlank()) {
      throw invalid(field, "must not be empty");
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static StatusRuntimeException invalid(String field, String problem) {
    return Status.INVALID_ARGUMENT.withDescription(field + ": " + problem).asRuntimeException();
  }
}
