package io.registry.node.config;

import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.Weights;
import io.registry.node.agent.AgentCheckSpec;
import io.registry.node.agent.AgentServiceSpec;
import io.registry.node.agent.CheckTargets;
import io.registry.node.agent.DefinitionRules;
import io.registry.node.agent.FileCheck;
import io.registry.node.agent.FileService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the service and check blocks of one config file (§14.2) into the agent's specs.
 * Field-level problems (a bad duration, an HTTP check URL that is not a URL, a TCP address
 * without a port) are named by their key; rules over the whole definition reuse the agent's
 * own (DefinitionRules), so a file is refused for exactly what the HTTP API would refuse.
 */
final class DefinitionReader {
  // Known to Consul, out of our scope (Connect, Enterprise, tokens): accepted, reported.
  private static final String[] IGNORED_SERVICE = {
    "token", "proxy", "connect", "socket_path", "namespace", "partition", "locality",
    "enable_tag_drift"
  };
  private static final String[] IGNORED_CHECK = {
    "token", "docker_container_id", "shell", "h2ping", "h2ping_use_tls", "alias_node",
    "alias_service", "os_service", "tcp_use_tls", "namespace", "partition"
  };
  private static final Set<String> STATUSES = Set.of("passing", "warning", "critical");

  private final Consumer<String> ignored;

  /** @param ignored told the path of every accepted-but-ignored key */
  DefinitionReader(Consumer<String> ignored) {
    this.ignored = ignored;
  }

  FileService service(ConfigFields f) {
    f.ignore(ignored, IGNORED_SERVICE);
    String name = f.str("name");
    String id = f.str("id");
    List<String> tags = f.strings("tags");
    String address = f.str("address");
    Integer port = f.integer("port");
    Map<String, String> meta = f.stringMap("meta");
    Map<String, ServiceAddress> tagged = taggedAddresses(f.objectMap("tagged_addresses"));
    Weights weights = weights(f.object("weights"));
    Boolean eto = f.bool("enable_tag_override");
    String kind = f.str("kind");
    List<AgentCheckSpec> checks = new ArrayList<>();
    for (ConfigFields c : f.objects("check", "checks")) {
      checks.add(check(c));
    }
    f.rejectUnknown();
    if (port != null && (port < 0 || port > 65535)) {
      throw f.fail(f.pathOf("port"), "must be between 0 and 65535, got " + port);
    }
    AgentServiceSpec spec = new AgentServiceSpec(id, name, tags, address,
        port == null ? 0 : port, meta, tagged, weights, Boolean.TRUE.equals(eto), kind, checks);
    String problem = DefinitionRules.serviceProblem(spec);
    if (problem != null) {
      throw f.fail(f.path(), problem);
    }
    return new FileService(origin(f), spec);
  }

  FileCheck topLevelCheck(ConfigFields f) {
    AgentCheckSpec spec = check(f);
    String problem = DefinitionRules.checkProblem(spec);
    if (problem != null) {
      throw f.fail(f.path(), problem);
    }
    return new FileCheck(origin(f), spec);
  }

  private AgentCheckSpec check(ConfigFields f) {
    f.ignore(ignored, IGNORED_CHECK);
    String status = f.str("status");
    if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
      throw f.fail(f.pathOf("status"),
          "must be passing, warning or critical, got \"" + status + "\"");
    }
    String http = f.str("http");
    if (http != null) {
      requireUrl(f, http);
    }
    String tcp = f.str("tcp");
    requireHostPort(f, "tcp", tcp);
    String udp = f.str("udp");
    requireHostPort(f, "udp", udp);
    String grpc = f.str("grpc");
    requireHostPort(f, "grpc", grpc == null ? null : grpc.split("/", 2)[0]);
    Integer outputMax = f.integer("output_max_size");
    AgentCheckSpec spec = new AgentCheckSpec(
        f.str("id", "check_id"),
        f.str("name"),
        f.str("service_id"),
        f.str("notes"),
        status,
        http,
        f.str("method"),
        f.stringListMap("header"),
        f.str("body"),
        Boolean.TRUE.equals(f.bool("tls_skip_verify")),
        f.str("tls_server_name"),
        Boolean.TRUE.equals(f.bool("disable_redirects")),
        tcp,
        udp,
        grpc,
        Boolean.TRUE.equals(f.bool("grpc_use_tls")),
        f.strings("args", "script_args"),
        f.duration(true, "ttl"),
        f.duration(true, "interval"),
        f.duration(false, "timeout"),
        f.duration(false, "deregister_critical_service_after"),
        count(f, "success_before_passing"),
        count(f, "failures_before_warning"),
        count(f, "failures_before_critical"),
        outputMax);
    f.rejectUnknown();
    return spec;
  }

  private static int count(ConfigFields f, String key) {
    Integer n = f.integer(key);
    if (n != null && n < 0) {
      throw f.fail(f.pathOf(key), "must not be negative, got " + n);
    }
    return n == null ? 0 : n;
  }

  /** An absolute http(s) URL with a host: what the HTTP check runner can request. */
  private static void requireUrl(ConfigFields f, String url) {
    String reason = CheckTargets.urlProblem(url);
    if (reason != null) {
      throw f.fail(f.pathOf("http"), "\"" + url + "\" " + reason);
    }
  }

  /** host:port with a numeric port; IPv6 hosts in brackets. */
  private static void requireHostPort(ConfigFields f, String key, String address) {
    if (address == null) {
      return;
    }
    String reason = CheckTargets.hostPortProblem(address);
    if (reason != null) {
      throw f.fail(f.pathOf(key), "address \"" + address + "\" " + reason);
    }
  }

  private static Map<String, ServiceAddress> taggedAddresses(Map<String, ConfigFields> raw) {
    if (raw == null) {
      return null;
    }
    Map<String, ServiceAddress> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      String address = v.str("address");
      Integer port = v.integer("port");
      v.rejectUnknown();
      out.put(k, new ServiceAddress(address == null ? "" : address, port == null ? 0 : port));
    });
    return out;
  }

  private static Weights weights(ConfigFields w) {
    if (w == null) {
      return null;
    }
    Integer passing = w.integer("passing");
    Integer warning = w.integer("warning");
    w.rejectUnknown();
    return new Weights(passing == null ? 1 : passing, warning == null ? 1 : warning);
  }

  private static String origin(ConfigFields f) {
    return f.file() + ": " + f.path();
  }
}
