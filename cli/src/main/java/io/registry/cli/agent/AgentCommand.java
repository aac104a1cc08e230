package io.registry.cli.agent;

import io.registry.cli.CliException;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.catalog.model.GoDuration;
import io.registry.node.config.ClusterOptions;
import io.registry.node.membership.JoinContact;
import io.registry.node.config.FileSettings;
import io.registry.node.config.LoadedConfig;
import io.registry.node.config.NodeConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `registry agent`: runs one node until SIGINT/SIGTERM. Flags as §15.1: -dev, a single
 * server (-bootstrap-expect=1), or a server of several (-bootstrap-expect=N, -retry-join);
 * client agents are refused with a clear message rather than ignored.
 */
@Command(name = "agent", description = "Runs a registry agent (one node).")
public final class AgentCommand extends Verb {
  static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");
  private static final Pattern DATACENTER = Pattern.compile("[a-z0-9_-]+");

  @Option(names = {"-dev", "--dev"}, arity = "0..1", fallbackValue = "true",
      description = "In-memory single server on 127.0.0.1, debug logs, pretty JSON.")
  boolean dev;

  @Option(names = {"-server", "--server"}, arity = "0..1", fallbackValue = "true",
      description = "Run as a server (a Raft member).")
  boolean server;

  @Option(names = {"-bootstrap-expect", "--bootstrap-expect"}, paramLabel = "<n>",
      description = "Servers to wait for before electing; only 1 is supported yet.")
  Integer bootstrapExpect;

  @Option(names = {"-bootstrap", "--bootstrap"}, arity = "0..1", fallbackValue = "true",
      description = "Single-server self-election (same as -bootstrap-expect=1).")
  boolean bootstrap;

  @Option(names = {"-data-dir", "--data-dir"}, paramLabel = "<dir>",
      description = "State directory; required unless -dev.")
  Path dataDir;

  @Option(names = {"-node", "--node"}, paramLabel = "<name>",
      description = "Node name (default: host name).")
  String node;

  @Option(names = {"-node-id", "--node-id"}, paramLabel = "<uuid>",
      description = "Node ID (default: a random UUID kept in the data dir).")
  String nodeId;

  @Option(names = {"-node-meta", "--node-meta"}, paramLabel = "<key:value>",
      description = "Node metadata (repeatable).")
  List<String> nodeMeta = new ArrayList<>();

  @Option(names = {"-bind", "--bind"}, paramLabel = "<addr>",
      description = "Address of the internal listeners (default 0.0.0.0).")
  String bind;

  @Option(names = {"-client", "--client"}, paramLabel = "<addr>",
      description = "Address of the HTTP API (default 127.0.0.1).")
  String client;

  @Option(names = {"-http-port", "--http-port"}, paramLabel = "<port>", defaultValue = "8500",
      description = "HTTP API port (default 8500; 0 picks a free one).")
  int httpPort;

  @Option(names = {"-dns-port", "--dns-port"}, paramLabel = "<port>", defaultValue = "8600",
      description = "DNS port, UDP and TCP (default 8600; 0 picks a free one; -1 disables).")
  int dnsPort;

  @Option(names = {"-domain", "--domain"}, paramLabel = "<domain>",
      description = "DNS domain answered (default consul.).")
  String domain;

  @Option(names = {"-recursor", "--recursor"}, paramLabel = "<addr>",
      description = "DNS server for names outside the domain (repeatable; ip[:port]).")
  List<String> recursors = new ArrayList<>();

  @Option(names = {"-grpc-port", "--grpc-port"}, paramLabel = "<port>", defaultValue = "8502",
      description = "Public gRPC API port (default 8502; 0 picks a free one; -1 disables).")
  int grpcPort;

  @Option(names = {"-server-port", "--server-port"}, paramLabel = "<port>",
      defaultValue = "8300", description = "Internal RPC port (default 8300).")
  int serverPort;

  @Option(names = {"-raft-port", "--raft-port"}, paramLabel = "<port>", defaultValue = "8301",
      description = "Raft port between servers (default 8301).")
  int raftPort;

  @Option(names = {"-datacenter", "--datacenter"}, paramLabel = "<dc>", defaultValue = "dc1",
      description = "Datacenter name (default dc1).")
  String datacenter;

  @Option(names = {"-log-level", "--log-level"}, paramLabel = "<level>",
      description = "trace, debug, info, warn or error (default info; debug with -dev).")
  String logLevel;

  @Option(names = {"-pid-file", "--pid-file"}, paramLabel = "<file>",
      description = "Write the process id here; removed at shutdown.")
  Path pidFile;

  @Option(names = {"-join", "--join", "-retry-join", "--retry-join"}, paramLabel = "<addr>",
      description = "Server port (host[:port], default port 8300) of a node to join (repeatable).")
  List<String> join = new ArrayList<>();

  @Option(names = {"-retry-interval", "--retry-interval"}, paramLabel = "<duration>",
      defaultValue = "30s", description = "Longest wait between join attempts (default 30s).")
  String retryInterval;

  @Option(names = {"-retry-max", "--retry-max"}, paramLabel = "<n>", defaultValue = "0",
      description = "Join rounds before giving up with exit 1 (default 0: forever).")
  int retryMax;

  @Option(names = {"-rejoin", "--rejoin"}, arity = "0..1", fallbackValue = "true",
      description = "After a graceful leave, rejoin the servers this agent knew at start.")
  Boolean rejoin;

  // One list for both flags keeps their command-line order, which decides what overrides what.
  @Option(names = {"-config-file", "--config-file", "-config-dir", "--config-dir"},
      paramLabel = "<path>",
      description = "JSON config file, or directory of *.json files (repeatable; in order).")
  List<Path> config = new ArrayList<>();

  @Option(names = {"-enable-script-checks", "--enable-script-checks"}, arity = "0..1",
      fallbackValue = "true", description = "Allow script checks from any source.")
  Boolean enableScriptChecks;

  @Option(names = {"-enable-local-script-checks", "--enable-local-script-checks"},
      arity = "0..1", fallbackValue = "true",
      description = "Allow script checks defined in config files.")
  Boolean enableLocalScriptChecks;

  @Option(names = {"-ui", "--ui"}, arity = "0..1", fallbackValue = "true",
      description = "Serve the web UI under /ui/ on the HTTP port (on by default with -dev).")
  Boolean ui;

  public AgentCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    String host = hostName();
    List<Path> paths = List.copyOf(config);
    // Reload re-reads the same paths and resolves the same flags over them.
    return new AgentRunner(settings(host), console,
        () -> settings(host, FlagsOverFiles.load(paths))).run();
  }

  /** Reads the config files, then the flags over them; a CliException names the problem. */
  public AgentSettings settings(String hostName) {
    return settings(hostName, FlagsOverFiles.load(config));
  }

  /**
   * Validates the flags and the files' settings and resolves defaults: a flag given on the
   * command line wins over the files, the files over the defaults.
   */
  public AgentSettings settings(String hostName, LoadedConfig files) {
    FlagsOverFiles over = new FlagsOverFiles(spec, files.settings());
    List<String> join = over.list(this.join, files.settings().retryJoin());
    boolean bootstrap = over.pick("-bootstrap", this.bootstrap, files.settings().bootstrap());
    Integer bootstrapExpect =
        over.pick("-bootstrap-expect", this.bootstrapExpect, files.settings().bootstrapExpect());
    boolean server = over.pick("-server", this.server, files.settings().server());
    Path dataDir = over.pick("-data-dir", this.dataDir, FlagsOverFiles.path(files.settings().dataDir()));
    String node = over.pick("-node", this.node, files.settings().nodeName());
    String nodeId = over.pick("-node-id", this.nodeId, files.settings().nodeId());
    String bind = over.pick("-bind", this.bind, files.settings().bindAddr());
    String client = over.pick("-client", this.client,
        files.settings().httpAddr() != null ? files.settings().httpAddr()
            : files.settings().clientAddr());
    int httpPort = over.pick("-http-port", this.httpPort, files.settings().httpPort());
    int serverPort = over.pick("-server-port", this.serverPort, files.settings().serverPort());
    int grpcPort = over.pick("-grpc-port", this.grpcPort, files.settings().grpcPort());
    int raftPort = over.pick("-raft-port", this.raftPort, files.settings().raftPort());
    String datacenter = over.pick("-datacenter", this.datacenter, files.settings().datacenter());
    String logLevel = over.pick("-log-level", this.logLevel, files.settings().logLevel());
    Path pidFile = over.pick("-pid-file", this.pidFile, FlagsOverFiles.path(files.settings().pidFile()));
    Map<String, String> metaMap = over.meta(meta(nodeMeta), files.settings().nodeMeta());
    if (dev && !join.isEmpty()) {
      throw unsupported("joining a cluster (-join/-retry-join) with -dev");
    }
    if (bootstrapExpect != null && bootstrapExpect < 0) {
      throw new CliException("==> -bootstrap-expect must not be negative");
    }
    if (bootstrap && bootstrapExpect != null) {
      throw new CliException("==> 'bootstrap_expect' and 'bootstrap' are mutually exclusive");
    }
    int expect = dev || bootstrap ? 1 : bootstrapExpect == null ? 0 : bootstrapExpect;
    boolean isServer = dev || server;
    if (!isServer && (expect > 0 || bootstrap)) {
      throw new CliException("==> 'bootstrap_expect > 0' requires 'server = true'");
    }
    if (!isServer && join.isEmpty()) {
      throw new CliException("==> A client agent needs -retry-join with a server's address");
    }
    if (isServer && expect == 0 && join.isEmpty()) {
      throw new CliException("==> A server needs -bootstrap-expect=N, or -retry-join to join"
          + " an existing cluster");
    }
    if (retryMax < 0) {
      throw new CliException("==> -retry-max must not be negative");
    }
    if (!dev && dataDir == null) {
      throw new CliException("==> -data-dir is required unless -dev is given");
    }
    String level = logLevel == null ? (dev ? "debug" : "info") : normalizeLevel(logLevel);
    String dc = datacenter.toLowerCase(Locale.ROOT);
    if (!DATACENTER.matcher(dc).matches()) {
      throw new CliException("==> -datacenter may only hold letters, digits, '_' and '-'");
    }
    String name = node == null || node.isBlank() ? hostName : node;
    if (name == null || name.isBlank()) {
      throw new CliException("==> Node name cannot be empty; set -node");
    }
    String addressDefault = dev ? "127.0.0.1" : null;
    NodeConfig config = new NodeConfig(
        name,
        validNodeId(nodeId),
        dc,
        dataDir == null ? null : dataDir.toAbsolutePath().normalize(),
        dev,
        isServer,
        expect,
        orDefault(bind, addressDefault, "0.0.0.0"),
        orDefault(client, addressDefault, "127.0.0.1"),
        port("-http-port", httpPort),
        port("-server-port", serverPort),
        port("-raft-port", raftPort),
        metaMap,
        level,
        over.agentOptions(enableScriptChecks, enableLocalScriptChecks),
        ClusterOptions.defaults().withRetry(joinAddresses(join),
            over.pick("-retry-interval", interval(retryInterval),
                files.settings().retryInterval()),
            over.pick("-retry-max", retryMax, files.settings().retryMax()))
            .withReconnectTimeout(files.settings().reconnectTimeout())
            .withRejoin(Boolean.TRUE.equals(
                over.pick("-rejoin", rejoin, files.settings().rejoinAfterLeave()))));
    DnsSettings dns = DnsSettings.resolve(over, files.settings().dns(), config.clientAddress(),
        dnsPort, domain, recursors);
    // -dev turns the UI on unless -ui=false or a file says otherwise, as Consul's -dev does.
    Boolean uiSetting = over.pick("-ui", ui, files.settings().ui());
    boolean webUi = uiSetting != null ? uiSetting : dev;
    return new AgentSettings(config, dev,
        pidFile == null ? null : pidFile.toAbsolutePath().normalize(), files, dns,
        grpcPort == -1 ? -1 : port("-grpc-port", grpcPort), webUi,
        ShutdownPolicy.resolve(isServer, files.settings().leaveOnTerminate(),
            files.settings().skipLeaveOnInterrupt()));
  }

  // rejoin_after_leave / -rejoin: the only ClusterOptions field the flags set besides retry.
  /**
   * The files' values that the agent would refuse at start, for `registry validate`, which
   * has no flags and no agent (so no data-dir or server-mode rules).
   */
  public static void checkFileValues(FileSettings f) {
    if (f.logLevel() != null) {
      normalizeLevel(f.logLevel());
    }
    if (f.datacenter() != null
        && !DATACENTER.matcher(f.datacenter().toLowerCase(Locale.ROOT)).matches()) {
      throw new CliException("==> datacenter may only hold letters, digits, '_' and '-'");
    }
    validNodeId(f.nodeId());
    DnsSettings.options(f.dns(), f.dns().domain(), f.dns().recursors());
  }

  /** host or host:port; the server port 8300 when none is given, as Consul's 8301 default. */
  static List<String> joinAddresses(List<String> flags) {
    try {
      return flags.stream().map(JoinContact::withDefaultPort).toList();
    } catch (IllegalStateException e) {
      throw new CliException("==> -retry-join: " + e.getMessage());
    }
  }


  private static Duration interval(String text) {
    try {
      Duration d = GoDuration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("must be positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new CliException("==> -retry-interval must be a positive duration: " + text);
    }
  }

  private static CliException unsupported(String what) {
    return new CliException("==> Not supported yet: " + what);
  }

  private static String orDefault(String flag, String devDefault, String normalDefault) {
    if (flag != null && !flag.isBlank()) {
      return flag.strip();
    }
    return devDefault != null ? devDefault : normalDefault;
  }

  /** Consul's level names, also WARNING/ERR, case-insensitive. */
  static String normalizeLevel(String level) {
    String l = level.strip().toLowerCase(Locale.ROOT);
    l = switch (l) {
      case "warning" -> "warn";
      case "err" -> "error";
      default -> l;
    };
    if (!LOG_LEVELS.contains(l)) {
      throw new CliException("==> Invalid log level: " + level
          + " (use trace, debug, info, warn or error)");
    }
    return l;
  }

  private static String validNodeId(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(id.strip()).toString();
    } catch (IllegalArgumentException e) {
      throw new CliException("==> -node-id must be a UUID: " + id);
    }
  }

  private static int port(String flag, int port) {
    if (port < 0 || port > 65535) {
      throw new CliException("==> " + flag + " must be between 0 and 65535: " + port);
    }
    return port;
  }

  /** `key:value` pairs; the value may itself hold colons, the key may not be empty. */
  static Map<String, String> meta(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : pairs) {
      int colon = pair.indexOf(':');
      String key = colon < 0 ? pair : pair.substring(0, colon);
      if (key.isBlank()) {
        throw new CliException("==> -node-meta needs key:value, got: " + pair);
      }
      out.put(key, colon < 0 ? "" : pair.substring(colon + 1));
    }
    return out;
  }

  /** The host name, as Consul's default node name; "" when the system will not say. */
  static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (name != null && !name.isBlank()) {
        return name;
      }
    } catch (UnknownHostException e) {
      // fall through to the environment
    }
    return System.getenv().getOrDefault("HOSTNAME", "");
  }
}
