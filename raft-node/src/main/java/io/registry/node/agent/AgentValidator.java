package io.registry.node.agent;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.Weights;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The agent's input rules with Consul's texts and status codes (consul-api.md §4.2, §4.3).
 * Everything here runs before any local change, so a refused call changes nothing.
 */
final class AgentValidator {
  private static final int META_MAX_PAIRS = 64;
  private static final int META_KEY_MAX = 128;
  private static final int META_VALUE_MAX = 512;
  private static final int WEIGHT_MAX = 65535;
  private static final Pattern META_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0", "::", "[::]");
  private static final Set<String> STATUSES = Set.of(Check.PASSING, Check.WARNING, Check.CRITICAL);

  static final String SCRIPTS_DISABLED =
      "Scripts are disabled on this agent; to enable, configure 'enable_script_checks' or"
          + " 'enable_local_script_checks' to true";

  /** For an API call when only enable_local_script_checks is on. */
  static final String SCRIPTS_DISABLED_REMOTE =
      "Scripts are disabled on this agent from remote calls; to enable, configure"
          + " 'enable_script_checks' to true";

  private AgentValidator() {}

  static boolean isStatus(String s) {
    return s != null && STATUSES.contains(s);
  }

  /** Consul's order: name, address, weights, meta, then each check, then check statuses. */
  static void validateService(AgentServiceSpec spec) {
    if (spec == null || isEmpty(spec.name())) {
      throw bad("Missing service name");
    }
    if (spec.address() != null && ANY_ADDRESS.contains(spec.address())) {
      throw bad("Invalid service address");
    }
    if (spec.weights() != null) {
      String problem = weightsProblem(spec.weights());
      if (problem != null) {
        throw bad("Invalid Weights: " + problem);
      }
    }
    String metaProblem = metaProblem(spec.meta());
    if (metaProblem != null) {
      throw bad("Invalid Service Meta: " + metaProblem);
    }
    for (AgentCheckSpec check : spec.checks()) {
      validateCheckType(check);
    }
    for (AgentCheckSpec check : spec.checks()) {
      if (!isEmpty(check.status()) && !isStatus(check.status())) {
        throw bad("Status for checks must 'passing', 'warning', 'critical'");
      }
    }
  }

  /** The check/register rules up to the service lookup, which needs the agent's state. */
  static void validateCheck(AgentCheckSpec spec) {
    if (spec == null || isEmpty(spec.name())) {
      throw bad("Missing check name");
    }
    if (!isEmpty(spec.status()) && !isStatus(spec.status())) {
      throw bad("Bad check status");
    }
    validateCheckType(spec);
  }

  /**
   * Refuses a script check the agent's settings do not allow from this source; with 500,
   * after validation, as Consul refuses it when adding the check.
   */
  static void refuseScripts(AgentCheckSpec spec, AgentOptions options, RegistrationSource from) {
    if (spec.args().isEmpty() || scriptsAllowed(options, from)) {
      return;
    }
    boolean remoteOnly = from == RegistrationSource.API && options.enableLocalScriptChecks();
    throw new AgentException(500, remoteOnly ? SCRIPTS_DISABLED_REMOTE : SCRIPTS_DISABLED);
  }

  static boolean scriptsAllowed(AgentOptions options, RegistrationSource from) {
    return options.enableScriptChecks()
        || (from == RegistrationSource.FILE && options.enableLocalScriptChecks());
  }

  /** Consul's CheckType.Validate, minus the alias kinds our spec cannot express. */
  static void validateCheckType(AgentCheckSpec c) {
    boolean intervalCheck =
        !c.args().isEmpty()
            || !isEmpty(c.http())
            || !isEmpty(c.tcp())
            || !isEmpty(c.udp())
            || !isEmpty(c.grpc());
    boolean hasInterval = c.interval() != null && c.interval().isPositive();
    boolean hasTtl = c.ttl() != null && c.ttl().isPositive();
    if (hasInterval && hasTtl) {
      throw invalidCheck("Interval and TTL cannot both be specified");
    }
    if (intervalCheck && !hasInterval) {
      throw invalidCheck(
          "Interval must be > 0 for Script, HTTP, H2PING, TCP, UDP or OSService checks");
    }
    if (!intervalCheck && !hasTtl) {
      throw invalidCheck("TTL must be > 0 for TTL checks");
    }
    // Consul stores these and lets the probe fail; we refuse what can never be probed.
    target("HTTP", c.http(), CheckTargets.urlProblem(nz(c.http())));
    target("TCP", c.tcp(), CheckTargets.hostPortProblem(nz(c.tcp())));
    target("UDP", c.udp(), CheckTargets.hostPortProblem(nz(c.udp())));
    target("GRPC", c.grpc(), CheckTargets.grpcProblem(nz(c.grpc())));
    if (c.outputMaxSize() != null && c.outputMaxSize() < 0) {
      throw invalidCheck("MaxOutputMaxSize must be positive");
    }
    // Unset FailuresBeforeWarning means "same as critical", so only two set values compare.
    if (c.failuresBeforeWarning() > 0
        && c.failuresBeforeCritical() > 0
        && c.failuresBeforeWarning() > c.failuresBeforeCritical()) {
      throw invalidCheck("FailuresBeforeWarning can't be higher than FailuresBeforeCritical");
    }
  }

  private static void target(String field, String value, String problem) {
    if (!isEmpty(value) && problem != null) {
      throw invalidCheck(field + " \"" + value + "\" " + problem);
    }
  }

  static String weightsProblem(Weights w) {
    if (w.passing() < 1) {
      return "Passing must be greater than 0";
    }
    if (w.warning() < 0) {
      return "Warning must be greater or equal than 0";
    }
    if (w.passing() > WEIGHT_MAX || w.warning() > WEIGHT_MAX) {
      return "DNS Weight must be between 0 and 65535";
    }
    return null;
  }

  /** Pairs are checked in key order so the reported pair does not depend on map order. */
  static String metaProblem(Map<String, String> meta) {
    if (meta.size() > META_MAX_PAIRS) {
      return "Service metadata cannot contain more than " + META_MAX_PAIRS + " key/value pairs";
    }
    for (Map.Entry<String, String> e : new TreeMap<>(meta).entrySet()) {
      String problem = metaPairProblem(e.getKey(), e.getValue() == null ? "" : e.getValue());
      if (problem != null) {
        return "Couldn't load metadata pair ('" + e.getKey() + "', '" + e.getValue() + "'): "
            + problem;
      }
    }
    return null;
  }

  private static String metaPairProblem(String key, String value) {
    if (key.isEmpty()) {
      return "Key cannot be blank";
    }
    if (!META_KEY.matcher(key).matches()) {
      return "Key contains invalid characters";
    }
    if (key.length() > META_KEY_MAX) {
      return "Key is too long (limit: " + META_KEY_MAX + " characters)";
    }
    if (key.startsWith("consul-")) {
      return "Key prefix 'consul-' is reserved for internal use";
    }
    if (value.length() > META_VALUE_MAX) {
      return "Value is too long (limit: " + META_VALUE_MAX + " characters)";
    }
    return null;
  }

  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static AgentException bad(String message) {
    return new AgentException(400, message);
  }

  private static AgentException invalidCheck(String reason) {
    return bad("Invalid check: " + reason);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
