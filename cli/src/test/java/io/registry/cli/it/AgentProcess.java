package io.registry.cli.it;

import static org.awaitility.Awaitility.await;

import io.registry.cli.CliException;
import io.registry.cli.http.ConsulHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One `registry` process started by a test: its ports, its log file, and the only ways
 * it ends, by its own handle (destroy = SIGTERM, kill = SIGKILL). Output goes to a file,
 * never to a pipe nobody reads, so a chatty agent cannot block on a full pipe.
 */
public final class AgentProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int httpPort;

  private AgentProcess(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** The jar failsafe hands us (cli/target/registry.jar). */
  public static Path jar() {
    String jar = System.getProperty("registry.jar");
    if (jar == null) {
      throw new IllegalStateException("system property registry.jar not set (run by failsafe)");
    }
    return Path.of(jar);
  }

  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A port free on 127.0.0.1 right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * `java -jar registry.jar agent <args> -http-port P` with a log file in logDir. Without a
   * -dns-port in args the DNS server takes a free port, so agents never race for 8600.
   */
  public static AgentProcess startAgent(Path logDir, int httpPort, String... agentArgs) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString(),
        "agent"));
    command.addAll(List.of(agentArgs));
    if (command.stream().noneMatch(a -> a.startsWith("-dns-port"))) {
      command.add("-dns-port=0");
    }
    command.add("-http-port=" + httpPort);
    // A free port, so agents of parallel builds never fight over 8502.
    command.add("-grpc-port=0");
    return start(command, logDir, httpPort);
  }

  /** Starts any command line that ends up serving HTTP on httpPort. */
  public static AgentProcess start(List<String> command, Path logDir, int httpPort) {
    try {
      Files.createDirectories(logDir);
      Path log = Files.createTempFile(logDir, "agent-", ".log");
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new AgentProcess(process, log, httpPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The three ports of one agent; a restart reuses them, as the Raft peer address must stay. */
  public record Ports(int http, int server, int raft) {
    public static Ports free() {
      return new Ports(freePort(), freePort(), freePort());
    }
  }

  /** A single server: -server -bootstrap-expect=1, node n1, on loopback. */
  public static AgentProcess startServer(Path dataDir, Path logDir, Ports ports) {
    return startAgent(logDir, ports.http(), "-server", "-bootstrap-expect=1",
        "-data-dir", dataDir.toString(), "-node", "n1",
        "-bind", "127.0.0.1",
        "-server-port", Integer.toString(ports.server()),
        "-raft-port", Integer.toString(ports.raft()));
  }

  public int httpPort() {
    return httpPort;
  }

  public String httpAddr() {
    return "127.0.0.1:" + httpPort;
  }

  public ConsulHttp http() {
    return new ConsulHttp(httpAddr(), "");
  }

  public long pid() {
    return process.pid();
  }

  public Process process() {
    return process;
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /**
   * Waits until GET /v1/status/leader names a leader. Bounded; a process that dies first
   * fails at once with its log, instead of waiting out the bound.
   */
  public AgentProcess awaitLeader() {
    await("leader of agent on " + httpAddr())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(CliException.class)
        .until(() -> {
          if (!process.isAlive()) {
            throw new AssertionError(
                "agent exited with " + process.exitValue() + " before electing:\n" + log());
          }
          ConsulHttp.Answer answer = http().get("/v1/status/leader");
          String body = answer.text().strip();
          return answer.status() == 200 && body.length() > 2; // more than ""
        });
    return this;
  }

  /** SIGKILL, and waits until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM (graceful), then SIGKILL if it does not stop within the bound. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    waitForExit();
  }

  /** Exit code once it has ended. */
  public int waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
