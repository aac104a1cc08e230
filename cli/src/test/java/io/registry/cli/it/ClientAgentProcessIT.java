package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.cli.CliException;
import io.registry.cli.http.ConsulHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three servers and one client agent started by scripts/start-cluster.sh. A service with a TCP
 * check registered through the client is healthy on every server; the client killed by pid
 * turns it critical (serfHealth), a restart brings it back, and `registry leave` on the
 * client removes its node and services and leaves its member row `left`.
 */
@Timeout(400)
class ClientAgentProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  // The real failure threshold is 10 s; the rest is slack for a loaded 2-core machine.
  private static final Duration FAILURE_BOUND = Duration.ofSeconds(60);
  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path work;
  private Path base;
  private final List<Long> pids = new ArrayList<>();
  private ServerSocket checked;

  @AfterEach
  void stopEverything() throws IOException {
    if (base != null) {
      ClusterScripts.run(work, 120, "stop-cluster.sh", "--base-dir", base.toString());
    }
    // Whatever the script left (it should leave nothing): by pid, never by name.
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (checked != null) {
      checked.close();
    }
  }

  @Test
  void clientServicesGoCriticalWhenItDiesAndDisappearWhenItLeaves() throws IOException {
    base = work.resolve("cluster");
    int portBase = ClusterScripts.freePortBase(4);
    start("--servers", "3", "--clients", "1", "--port-base", Integer.toString(portBase));
    assertThat(pids).hasSize(4);
    List<ConsulHttp> servers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      servers.add(new ConsulHttp("127.0.0.1:" + (portBase + 10 * i), null));
    }
    String clientAddr = "127.0.0.1:" + (portBase + 30);
    ConsulHttp client = new ConsulHttp(clientAddr, null);

    int checkedPort = listenForTcpChecks();
    String service = "{\"Name\":\"web\",\"ID\":\"web1\",\"Port\":" + checkedPort
        + ",\"Check\":{\"TCP\":\"127.0.0.1:" + checkedPort + "\",\"Interval\":\"1s\"}}";
    assertThat(client.put("/v1/agent/service/register",
        service.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    awaitOnEveryServer(servers, BOUND, s -> assertThat(passing(s)).containsExactly("web1"));

    // kill -9: no leave, so the servers notice only by the missing heartbeats.
    long clientPid = ClusterScripts.pid(base.resolve("client1")).orElseThrow();
    ProcessHandle.of(clientPid).orElseThrow().destroyForcibly();
    await().atMost(BOUND).until(() -> ProcessHandle.of(clientPid).isEmpty()
        || !ProcessHandle.of(clientPid).get().isAlive());
    awaitOnEveryServer(servers, FAILURE_BOUND, s -> {
      assertThat(passing(s)).isEmpty();
      assertThat(serfHealth(s, "client1")).isEqualTo("critical");
    });
    // Failed, not gone: the instance is still listed, only not healthy.
    assertThat(servers.get(0).get("/v1/health/service/web").text()).contains("\"web1\"");

    // The same base dir: the servers still run, only the client starts, from its data dir.
    start();
    awaitOnEveryServer(servers, BOUND, s -> {
      assertThat(passing(s)).containsExactly("web1");
      assertThat(serfHealth(s, "client1")).isEqualTo("passing");
    });

    long restartedPid = ClusterScripts.pid(base.resolve("client1")).orElseThrow();
    CliRun leave = CliRun.run(work, "leave", "-http-addr", clientAddr);
    assertThat(leave.exitCode()).as(leave.err()).isZero();
    await().atMost(BOUND).until(() -> ProcessHandle.of(restartedPid).isEmpty()
        || !ProcessHandle.of(restartedPid).get().isAlive());
    awaitOnEveryServer(servers, BOUND, s -> {
      assertThat(s.get("/v1/health/service/web").text()).doesNotContain("\"web1\"");
      assertThat(s.get("/v1/catalog/nodes").text()).doesNotContain("\"client1\"");
    });
    for (int i = 0; i < 3; i++) {
      CliRun members = CliRun.run(work, "members", "-http-addr", "127.0.0.1:" + (portBase + 10 * i));
      assertThat(members.exitCode()).as(members.err()).isZero();
      assertThat(members.out().lines().filter(l -> l.startsWith("client1 ")))
          .singleElement().asString().contains(" left ");
    }

    CliRun stop = ClusterScripts.run(work, 120, "stop-cluster.sh", "--base-dir", base.toString());
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("pid %d", pid).isFalse();
    }
    base = null;
  }

  /** Runs start-cluster.sh on the base dir and remembers every pid it recorded. */
  private void start(String... flags) {
    List<String> args = new ArrayList<>(List.of("--base-dir", base.toString()));
    args.addAll(List.of(flags));
    CliRun start = ClusterScripts.run(work, 240, "start-cluster.sh", args.toArray(String[]::new));
    for (long pid : ClusterScripts.pids(base)) {
      if (!pids.contains(pid)) {
        pids.add(pid);
      }
    }
    assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
    assertThat(start.out()).containsPattern("client1 +client ");
  }

  /**
   * A loopback port that accepts and closes connections, for the TCP check: accepting keeps
   * the backlog from filling up over the test's many check runs.
   */
  private int listenForTcpChecks() throws IOException {
    checked = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ServerSocket socket = checked;
    Thread.ofVirtual().start(() -> {
      while (!socket.isClosed()) {
        try (Socket ignored = socket.accept()) {
          // The check only needs the connection to open.
        } catch (IOException e) {
          // Closed at the end of the test; the loop condition ends it.
        }
      }
    });
    return checked.getLocalPort();
  }

  private interface ServerCheck {
    void check(ConsulHttp server) throws Exception;
  }

  private static void awaitOnEveryServer(List<ConsulHttp> servers, Duration bound,
      ServerCheck check) {
    for (ConsulHttp server : servers) {
      await("on " + server.base()).atMost(bound).pollInterval(Duration.ofMillis(250))
          .ignoreException(CliException.class)
          .untilAsserted(() -> check.check(server));
    }
  }

  /** Service ids of `web` in ?passing on this server. */
  private static List<String> passing(ConsulHttp server) {
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : json(server.get("/v1/health/service/web?passing"))) {
      ids.add(entry.path("Service").path("ID").asText());
    }
    return ids;
  }

  private static String serfHealth(ConsulHttp server, String node) {
    for (JsonNode check : json(server.get("/v1/health/node/" + node))) {
      if (check.path("CheckID").asText().equals("serfHealth")) {
        return check.path("Status").asText();
      }
    }
    return "(none)";
  }

  private static JsonNode json(ConsulHttp.Answer answer) {
    if (answer.status() != 200) {
      throw new AssertionError("HTTP " + answer.status() + ": " + answer.text());
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
