package io.registry.node.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The top-level settings of the config files (§14.3), each null when no file set it.
 * Several files combine with {@link #merge}: a later file's scalars win, lists append, maps
 * merge. Flags are applied over this by the command that starts the agent.
 *
 * @param httpAddr addresses.http: the HTTP listener's address, over client_addr
 * @param raftPort ports.raft (ours), or ports.serf_lan: the port servers talk Raft on
 * @param retryJoin retry_join and start_join together
 * @param dns ports.dns, addresses.dns, domain, recursors and dns_config
 * @param grpcPort ports.grpc: the public gRPC API (-1 disables)
 * @param ui ui_config.enabled, or the older top-level ui (ui_config wins when both are set)
 * @param leaveOnTerminate leave_on_terminate: SIGTERM leaves gracefully (default by role)
 * @param skipLeaveOnInterrupt skip_leave_on_interrupt: SIGINT only shuts down (default by role)
 */
public record FileSettings(
    String datacenter,
    String dataDir,
    String nodeName,
    String nodeId,
    Map<String, String> nodeMeta,
    Boolean server,
    Integer bootstrapExpect,
    Boolean bootstrap,
    String bindAddr,
    String clientAddr,
    String httpAddr,
    Integer httpPort,
    Integer serverPort,
    Integer raftPort,
    List<String> retryJoin,
    Duration retryInterval,
    Integer retryMax,
    Boolean rejoinAfterLeave,
    Duration reconnectTimeout,
    String logLevel,
    String pidFile,
    Boolean enableScriptChecks,
    Boolean enableLocalScriptChecks,
    Integer checkOutputMaxSize,
    Boolean discardCheckOutput,
    Duration checkUpdateInterval,
    DnsFileSettings dns,
    Integer grpcPort,
    Boolean ui,
    Boolean leaveOnTerminate,
    Boolean skipLeaveOnInterrupt) {

  public static final FileSettings NONE = new FileSettings(null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, DnsFileSettings.NONE, null, null, null, null);

  public FileSettings {
    dns = dns == null ? DnsFileSettings.NONE : dns;
  }

  // §14.3 keys we accept without acting on them yet; each one present is logged as a warning.
  private static final String[] NOT_IMPLEMENTED = {
    "advertise_addr", "advertise_addr_wan", "retry_join_wan", "retry_interval_wan",
    "ui_dir", "log_json", "log_file", "acl", "performance", "alt_domain",
    "discovery_max_stale", "session_ttl_min",
    "http_config", "telemetry", "limits",
    "default_query_time", "max_query_time", "primary_datacenter", "disable_update_check",
    "translate_wan_addrs", "enable_debug"
  };
  private static final String[] PORTS_NOT_IMPLEMENTED = {
    "https", "grpc_tls", "serf_wan", "sidecar_min_port", "sidecar_max_port",
    "expose_min_port", "expose_max_port"
  };
  private static final String[] ADDRESSES_NOT_IMPLEMENTED = {"https", "grpc", "grpc_tls"};
  private static final String[] UI_CONFIG_NOT_IMPLEMENTED = {
    "dir", "content_path", "metrics_provider", "metrics_provider_files",
    "metrics_provider_options_json", "metrics_proxy", "dashboard_url_templates"
  };

  /** Reads (consumes) the settings keys of one file's top-level object. */
  static FileSettings read(ConfigFields f, Consumer<String> ignored) {
    if (f.has("encrypt")) {
      // Silently running unencrypted when encryption was asked for would be worse than
      // refusing: see docs/decisions.md "Configuration files".
      throw f.fail(f.pathOf("encrypt"),
          "gossip encryption is not supported by this registry; remove the key");
    }
    f.ignore(ignored, NOT_IMPLEMENTED);
    String httpAddr = null;
    String dnsAddr = null;
    ConfigFields addresses = f.object("addresses");
    if (addresses != null) {
      httpAddr = addresses.str("http");
      dnsAddr = addresses.str("dns");
      addresses.ignore(ignored, ADDRESSES_NOT_IMPLEMENTED);
      addresses.rejectUnknown();
    }
    Integer httpPort = null;
    Integer serverPort = null;
    Integer raftPort = null;
    Integer dnsPort = null;
    Integer grpcPort = null;
    ConfigFields ports = f.object("ports");
    if (ports != null) {
      httpPort = port(ports, "http");
      dnsPort = port(ports, "dns");
      serverPort = port(ports, "server");
      Integer serf = port(ports, "serf_lan");
      Integer raft = port(ports, "raft");
      raftPort = raft != null ? raft : serf;
      grpcPort = port(ports, "grpc");
      ports.ignore(ignored, PORTS_NOT_IMPLEMENTED);
      ports.rejectUnknown();
    }
    List<String> join = Merge.concat(f.strings("retry_join"), f.strings("start_join"));
    Integer checkOutputMaxSize = f.integer("check_output_max_size");
    if (checkOutputMaxSize != null && checkOutputMaxSize < 1) {
      throw f.fail(f.pathOf("check_output_max_size"), "must be at least 1, got "
          + checkOutputMaxSize);
    }
    Integer bootstrapExpect = f.integer("bootstrap_expect");
    if (bootstrapExpect != null && bootstrapExpect < 0) {
      throw f.fail(f.pathOf("bootstrap_expect"), "must not be negative");
    }
    Boolean ui = f.bool("ui");
    ConfigFields uiConfig = f.object("ui_config");
    if (uiConfig != null) {
      Boolean enabled = uiConfig.bool("enabled");
      ui = enabled != null ? enabled : ui;
      uiConfig.ignore(ignored, UI_CONFIG_NOT_IMPLEMENTED);
      uiConfig.rejectUnknown();
    }
    Integer retryMax = f.integer("retry_max");
    if (retryMax != null && retryMax < 0) {
      throw f.fail(f.pathOf("retry_max"), "must not be negative");
    }
    Duration reconnectTimeout = f.duration(true, "reconnect_timeout");
    if (reconnectTimeout != null
        && reconnectTimeout.compareTo(ClusterOptions.MIN_RECONNECT_TIMEOUT) < 0) {
      throw f.fail(f.pathOf("reconnect_timeout"), "must be at least 1m");
    }
    return new FileSettings(
        f.str("datacenter"),
        f.str("data_dir"),
        f.str("node_name"),
        f.str("node_id"),
        f.stringMap("node_meta"),
        f.bool("server"),
        bootstrapExpect,
        f.bool("bootstrap"),
        f.str("bind_addr"),
        f.str("client_addr"),
        httpAddr,
        httpPort,
        serverPort,
        raftPort,
        join,
        f.duration(true, "retry_interval"),
        retryMax,
        f.bool("rejoin_after_leave"),
        reconnectTimeout,
        f.str("log_level"),
        f.str("pid_file"),
        f.bool("enable_script_checks"),
        f.bool("enable_local_script_checks"),
        checkOutputMaxSize,
        f.bool("discard_check_output"),
        f.duration(true, "check_update_interval"),
        DnsFileSettings.read(f, dnsPort, dnsAddr, ignored),
        grpcPort,
        ui,
        f.bool("leave_on_terminate"),
        f.bool("skip_leave_on_interrupt"));
  }

  /** This file's settings with a later file's over them. */
  FileSettings merge(FileSettings later) {
    return new FileSettings(
        Merge.pick(datacenter, later.datacenter),
        Merge.pick(dataDir, later.dataDir),
        Merge.pick(nodeName, later.nodeName),
        Merge.pick(nodeId, later.nodeId),
        Merge.maps(nodeMeta, later.nodeMeta),
        Merge.pick(server, later.server),
        Merge.pick(bootstrapExpect, later.bootstrapExpect),
        Merge.pick(bootstrap, later.bootstrap),
        Merge.pick(bindAddr, later.bindAddr),
        Merge.pick(clientAddr, later.clientAddr),
        Merge.pick(httpAddr, later.httpAddr),
        Merge.pick(httpPort, later.httpPort),
        Merge.pick(serverPort, later.serverPort),
        Merge.pick(raftPort, later.raftPort),
        Merge.concat(retryJoin, later.retryJoin),
        Merge.pick(retryInterval, later.retryInterval),
        Merge.pick(retryMax, later.retryMax),
        Merge.pick(rejoinAfterLeave, later.rejoinAfterLeave),
        Merge.pick(reconnectTimeout, later.reconnectTimeout),
        Merge.pick(logLevel, later.logLevel),
        Merge.pick(pidFile, later.pidFile),
        Merge.pick(enableScriptChecks, later.enableScriptChecks),
        Merge.pick(enableLocalScriptChecks, later.enableLocalScriptChecks),
        Merge.pick(checkOutputMaxSize, later.checkOutputMaxSize),
        Merge.pick(discardCheckOutput, later.discardCheckOutput),
        Merge.pick(checkUpdateInterval, later.checkUpdateInterval),
        dns.merge(later.dns),
        Merge.pick(grpcPort, later.grpcPort),
        Merge.pick(ui, later.ui),
        Merge.pick(leaveOnTerminate, later.leaveOnTerminate),
        Merge.pick(skipLeaveOnInterrupt, later.skipLeaveOnInterrupt));
  }

  private static Integer port(ConfigFields ports, String key) {
    Integer p = ports.integer(key);
    if (p != null && (p < -1 || p > 65535)) {
      throw ports.fail(ports.pathOf(key), "must be between 0 and 65535 (-1 disables), got " + p);
    }
    return p;
  }
}
