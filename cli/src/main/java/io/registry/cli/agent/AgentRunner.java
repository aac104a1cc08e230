package io.registry.cli.agent;

import io.registry.cli.Console;
import io.registry.cli.VersionCommand;
import io.registry.gateway.dns.DnsServer;
import io.registry.gateway.grpc.GrpcGateway;
import io.registry.gateway.http.GatewayOptions;
import io.registry.gateway.http.HttpGateway;
import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * Runs one agent: start the node, then its HTTP gateway and DNS server, print the settings once, and
 * stay up until SIGINT/SIGTERM ({@link SignalExit}: leave first or not) or a PUT /v1/agent/leave. Shutdown closes in reverse order (gateway first, so no
 * request reaches a closed node), removes the pid file, and exits 0.
 */
final class AgentRunner {
  private final AgentSettings settings;
  private final Console console;
  private final AtomicReference<RegistryNode> node = new AtomicReference<>();
  private final AtomicReference<HttpGateway> gateway = new AtomicReference<>();
  private final AtomicReference<DnsServer> dns = new AtomicReference<>();
  /** The public gRPC API; stays null when -grpc-port=-1. */
  private final AtomicReference<GrpcGateway> grpc = new AtomicReference<>();
  /** The "not ready" answers on the HTTP port until the gateway takes it over. */
  private final AtomicReference<StartingHttp> starting = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  /** Re-reads the config files with the flags over them (reload). */
  private final Supplier<AgentSettings> reread;

  AgentRunner(AgentSettings settings, Console console, Supplier<AgentSettings> reread) {
    this.settings = settings;
    this.console = console;
    this.reread = reread;
  }

  /** Returns only on a start failure (1); a running agent ends through System.exit(0). */
  int run() {
    NodeConfig config = settings.node();
    AgentLogging.apply(config.logLevel());
    console.out().println("==> Starting registry agent...");
    // The hook is there before anything starts, so a signal during start still cleans up.
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "registry-shutdown"));
    SignalExit.install(settings.shutdown(), node::get, console);
    reloadOnHangup();
    ConfigReload.warnIgnored(settings.files());
    try {
      if (settings.pidFile() != null) {
        PidFile.write(settings.pidFile(), ProcessHandle.current().pid());
      }
      // A server or client agent may wait long for its cluster: answer "not ready" meanwhile.
      if (!config.dev()) {
        starting.set(StartingHttp.open(config.clientAddress(), config.httpPort()));
      }
      node.set(RegistryNodes.start(config));
      // File services are part of start-up: one the agent refuses fails the start (exit 1).
      node.get().agent().applyFileConfig(settings.files().definitions(), config.agent());
      node.get().onReload(new ConfigReload(reread, node.get()));
      // Before HTTP: tools (and tests) take an answering HTTP API as "the agent is up".
      if (settings.grpcPort() != -1) {
        grpc.set(GrpcGateway.start(node.get(), config.clientAddress(), settings.grpcPort()));
      }
      closeStarting();
      gateway.set(HttpGateway.start(node.get(), config.clientAddress(), config.httpPort(),
          GatewayOptions.defaults(settings.pretty()).withUi(settings.ui())));
      DnsSettings d = settings.dns();
      if (d.enabled()) {
        dns.set(DnsServer.start(node.get(), d.address(), d.port(), d.options()));
      }
    } catch (RuntimeException e) {
      console.err().println("==> Error starting agent: " + reason(e));
      stop();
      return 1;
    }
    console.out().print(banner(settings, node.get().self().nodeId(), gateway.get().port(),
        dns.get() == null ? -1 : dns.get().port(), grpc.get() == null ? -1 : grpc.get().port()));
    console.out().println("agent: started");
    console.out().flush();
    // PUT /v1/agent/leave: the node has left; exit 0 like a signal does.
    // Off the request thread that completed it: exiting runs the hook that stops the gateway.
    node.get().shutdownRequested().thenRunAsync(() -> {
      console.out().println("==> Graceful leave complete");
      console.out().flush();
      System.exit(0);
    }, task -> Thread.ofPlatform().name("registry-leave").start(task));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * SIGHUP reloads the configuration (§15.1). Installed before start so an early hangup
   * does not kill the process (the JVM's default); until the node runs there is nothing
   * to reload. The reload runs off the signal thread, and a refused one is reported, never
   * fatal.
   */
  private void reloadOnHangup() {
    try {
      Signal.handle(new Signal("HUP"), signal -> Thread.ofPlatform().name("registry-sighup")
          .start(() -> {
            RegistryNode n = node.get();
            if (n == null) {
              return;
            }
            console.out().println("==> Caught signal: hangup, reloading configuration");
            console.out().flush();
            try {
              n.reload();
              console.out().println("==> Configuration reloaded");
            } catch (RuntimeException e) {
              console.err().println("==> Failed to reload configuration: " + reason(e));
            }
            console.out().flush();
            console.err().flush();
          }));
    } catch (IllegalArgumentException e) {
      // no SIGHUP on this platform: reload stays available over HTTP
    }
  }

  private void closeStarting() {
    StartingHttp s = starting.getAndSet(null);
    if (s != null) {
      s.close();
    }
  }

  /** Idempotent: runs from the shutdown hook and after a failed start. */
  private void stop() {
    closeStarting();
    DnsServer d = dns.getAndSet(null);
    if (d != null) {
      d.close();
    }
    GrpcGateway rpc = grpc.getAndSet(null);
    HttpGateway g = gateway.getAndSet(null);
    RegistryNode n = node.getAndSet(null);
    try {
      if (rpc != null) {
        rpc.close();
      }
    } catch (RuntimeException e) {
      console.err().println("==> Error stopping gRPC server: " + reason(e));
    }
    try {
      if (g != null) {
        g.close();
      }
    } catch (RuntimeException e) {
      console.err().println("==> Error stopping HTTP server: " + reason(e));
    }
    try {
      if (n != null) {
        n.close();
      }
    } catch (RuntimeException e) {
      console.err().println("==> Error stopping node: " + reason(e));
    }
    if (settings.pidFile() != null) {
      PidFile.remove(settings.pidFile());
    }
    stopped.countDown();
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root
        && (root.getMessage() == null || root instanceof java.util.concurrent.CompletionException)) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** The DNS port, with its address when addresses.dns moved it off the client address. */
  private static String dnsAddress(AgentSettings settings, int dnsPort) {
    if (dnsPort < 0 || settings.dns().address().equals(settings.node().clientAddress())) {
      return Integer.toString(dnsPort);
    }
    return settings.dns().address() + ":" + dnsPort;
  }

  /** The typed settings, printed once at start (style.md). */
  static String banner(
      AgentSettings settings, String nodeId, int httpPort, int dnsPort, int grpcPort) {
    NodeConfig c = settings.node();
    String dataDir = c.dataDir() == null ? "(temporary, removed at exit)" : c.dataDir().toString();
    return String.join("\n",
        "==> Registry agent running!",
        "           Version: '" + VersionCommand.version() + "'",
        "           Node ID: '" + nodeId + "'",
        "         Node name: '" + c.nodeName() + "'",
        "        Datacenter: '" + c.datacenter() + "'",
        "            Server: " + c.server() + " (Bootstrap: " + (c.bootstrapExpect() == 1) + ")",
        "       Client Addr: [" + c.clientAddress() + "] (HTTP: " + httpPort + ", DNS: "
            + dnsAddress(settings, dnsPort) + ")",
        "            Web UI: " + (settings.ui() ? "/ui/ on the HTTP port" : "off (-ui turns it on)"),
        "      Cluster Addr: " + c.bindAddress() + " (Server: " + c.serverPort()
            + ", Raft: " + c.raftPort() + ")",
        "          gRPC API: " + (grpcPort == -1 ? "disabled"
            : c.clientAddress() + ":" + grpcPort + " (registry.v1)"),
        "          Data Dir: " + dataDir,
        "         Log Level: " + c.logLevel(),
        "",
        "==> Log data will now stream in as it occurs:",
        "");
  }
}
