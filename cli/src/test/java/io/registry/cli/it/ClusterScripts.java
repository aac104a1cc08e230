package io.registry.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs scripts/start-cluster.sh and stop-cluster.sh of this checkout against a base dir. */
final class ClusterScripts {
  private ClusterScripts() {}

  /** The checkout: the jar failsafe hands us lives in cli/target. */
  static Path root() {
    return AgentProcess.jar().toAbsolutePath().getParent().getParent().getParent();
  }

  static CliRun run(Path workDir, long timeoutSeconds, String script, String... args) {
    List<String> command = new ArrayList<>(
        List.of("bash", root().resolve("scripts").resolve(script).toString()));
    command.addAll(List.of(args));
    Process process = null;
    try {
      Files.createDirectories(workDir);
      Path out = Files.createTempFile(workDir, script, ".out");
      Path err = Files.createTempFile(workDir, script, ".err");
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      // The jar was just packaged: never let the launcher start a Maven build in a test.
      pb.environment().put("REGISTRY_SKIP_BUILD", "1");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      process = pb.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError(script + " did not finish within " + timeoutSeconds + " s");
      }
      return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  /** The pids the start script recorded, servers (node*) first, then clients (client*). */
  static List<Long> pids(Path baseDir) {
    List<Long> out = new ArrayList<>();
    for (String kind : List.of("node", "client")) {
      for (int i = 1; i <= 9; i++) {
        pid(baseDir.resolve(kind + i)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The pid recorded in one node dir, if there is one. */
  static Optional<Long> pid(Path nodeDir) {
    Path pid = nodeDir.resolve("pid");
    try {
      if (Files.exists(pid)) {
        return Optional.of(Long.parseLong(Files.readString(pid).strip()));
      }
    } catch (IOException | NumberFormatException e) {
      // A missing or half-written pid file names no process of ours.
    }
    return Optional.empty();
  }

  /** A base port with the fifteen ports of three nodes free right now. */
  static int freePortBase() {
    return freePortBase(3);
  }

  /** A base port with the five ports start-cluster.sh derives for each of the nodes free now. */
  static int freePortBase(int nodes) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20000 + (int) (Math.random() * 20000);
      boolean free = true;
      for (int i = 0; i < nodes && free; i++) {
        for (int k = 0; k < 5 && free; k++) { // HTTP, RPC, Raft, DNS, gRPC
          try (var s = new java.net.ServerSocket(base + 10 * i + k, 1,
              java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
          } catch (IOException e) {
            free = false;
          }
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no free port range found");
  }
}
