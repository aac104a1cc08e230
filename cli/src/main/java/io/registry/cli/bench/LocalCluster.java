package io.registry.cli.bench;

import io.registry.cli.CliException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of servers run by scripts/start-cluster.sh in a base dir of its own, as a user
 * would run it. Processes are only ever ended by the pids the script recorded, after
 * checking that the pid still runs an agent on that node's data dir.
 */
final class LocalCluster implements AutoCloseable {
  private final Path scripts;
  private final Path baseDir;
  private final int portBase;
  private final int servers;
  private final List<Long> everStarted = new ArrayList<>();

  LocalCluster(Path scripts, Path baseDir, int portBase, int servers) {
    this.scripts = scripts;
    this.baseDir = baseDir;
    this.portBase = portBase;
    this.servers = servers;
  }

  /** The checkout's scripts/ dir, found from where this class was loaded (cli/target/...). */
  static Optional<Path> scriptsOfThisCheckout() {
    try {
      Path loadedFrom = Path.of(LocalCluster.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      Path root = loadedFrom.getParent().getParent().getParent();
      Path dir = root.resolve("scripts");
      return Files.isRegularFile(dir.resolve("start-cluster.sh")) ? Optional.of(dir)
          : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** A base port with the five ports of each of n nodes free on loopback right now. */
  static int freePortBase(int nodes) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = 20000 + ThreadLocalRandom.current().nextInt(2000) * 10;
      if (free(base, nodes)) {
        return base;
      }
    }
    throw new CliException("Error: no free port range found for " + nodes + " nodes");
  }

  private static boolean free(int base, int nodes) {
    for (int port = base; port < base + 10 * nodes; port++) {
      if (port % 10 > 4) {
        continue;
      }
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  String httpAddress(int node) {
    return "127.0.0.1:" + (portBase + 10 * node);
  }

  /** The node whose internal RPC address is this (`/v1/status/leader` names it), or -1. */
  int nodeOfRpcAddress(String rpcAddress) {
    String a = rpcAddress.replace("\"", "").strip();
    int colon = a.lastIndexOf(':');
    if (colon < 0) {
      return -1;
    }
    int offset = Integer.parseInt(a.substring(colon + 1)) - portBase - 1;
    return offset >= 0 && offset % 10 == 0 && offset / 10 < servers ? offset / 10 : -1;
  }

  /**
   * Runs start-cluster.sh on the base dir: the first time it forms the cluster, later it
   * restarts whatever is not running and waits until every server is alive again.
   */
  void start() {
    CliException failure = runScript(300, "start-cluster.sh", "--servers",
        Integer.toString(servers), "--base-dir", baseDir.toString(),
        "--port-base", Integer.toString(portBase));
    for (int i = 0; i < servers; i++) {
      pid(i).filter(p -> !everStarted.contains(p)).ifPresent(everStarted::add);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** SIGKILL to node i by its recorded pid; returns once the process is gone. */
  void kill(int node) {
    long pid = pid(node).orElseThrow(() -> new CliException("Error: node" + (node + 1)
        + " has no pid file in " + baseDir));
    ProcessHandle process = ProcessHandle.of(pid).filter(p -> ours(p, node))
        .orElseThrow(() -> new CliException("Error: pid " + pid + " is not node" + (node + 1)));
    process.destroyForcibly();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new CliException("Error: node" + (node + 1) + " (pid " + pid + ") did not die");
    }
  }

  /** stop-cluster.sh, then SIGKILL to any process this cluster ever had that still runs. */
  @Override
  public void close() {
    CliException failure = runScript(120, "stop-cluster.sh", "--base-dir", baseDir.toString());
    for (long pid : everStarted) {
      ProcessHandle.of(pid).filter(this::oursOnAnyNode).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private Path nodeDir(int node) {
    return baseDir.resolve("node" + (node + 1));
  }

  private Optional<Long> pid(int node) {
    try {
      return Optional.of(Long.parseLong(Files.readString(nodeDir(node).resolve("pid")).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A recycled pid belongs to someone else: ours runs with this node's data dir. */
  private boolean ours(ProcessHandle p, int node) {
    String dataDir = nodeDir(node).resolve("data").toString();
    return p.info().arguments().map(args -> List.of(args).contains(dataDir)).orElse(false);
  }

  private boolean oursOnAnyNode(ProcessHandle p) {
    for (int i = 0; i < servers; i++) {
      if (ours(p, i)) {
        return true;
      }
    }
    return false;
  }

  /** Runs a script to its end (bounded); a failure comes back with its output. */
  private CliException runScript(long timeoutSeconds, String script, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", scripts.resolve(script).toString()));
    command.addAll(List.of(args));
    Process process = null;
    try {
      Files.createDirectories(baseDir);
      Path out = baseDir.resolve(script + ".out");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile());
      // This jar is the one running: a rebuild under our feet would replace it.
      pb.environment().put("REGISTRY_SKIP_BUILD", "1");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      process = pb.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        return new CliException("Error: " + script + " did not finish within "
            + timeoutSeconds + " s");
      }
      if (process.exitValue() != 0) {
        return new CliException("Error: " + script + " failed:\n"
            + Files.readString(out, StandardCharsets.UTF_8));
      }
      return null;
    } catch (IOException e) {
      return new CliException("Error: running " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CliException("Interrupted");
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
