package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.registry.cli.CliException;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Must show" 1: a dev agent started with a config dir holding the seed tutorial's
 * file (port and URL pointed at a server this test runs) plus a TCP, a TTL and a script check
 * shows each check's status in /v1/health/checks/web, drops the instance from ?passing when
 * the HTTP server dies and brings it back when a server returns on the same port.
 */
class HealthChecksIT {
  /** The seed's file as written, comment included; only port, URL and interval differ. */
  private static final String SEED = """
      {"service": {"name": "web", "tags": ["extract"], "address": "127.0.0.1", "port": %d,
      "check": {"id": "api", //any name
      "name": "HTTP API on port %d", "http": "http://localhost:%d", "interval": "1s", "timeout": "1s"}}}
      """;
  private static final String MORE_CHECKS = """
      {"checks": [
        {"id": "tcp", "name": "TCP", "service_id": "web", "tcp": "127.0.0.1:%d",
         "interval": "1s", "timeout": "1s"},
        {"id": "ttl", "name": "TTL", "service_id": "web", "ttl": "60s"},
        {"id": "script", "name": "script", "service_id": "web",
         "args": ["sh", "-c", "exit 0"], "interval": "1s"}]}
      """;
  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path tmp;

  @Test
  void eachCheckShowsItsStatusAndPassingFollowsTheHttpServer() throws IOException {
    HttpServer web = null;
    AgentProcess agent = null;
    try (ServerSocket tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      acceptAndClose(tcp);
      web = httpServer(0);
      int webPort = web.getAddress().getPort();
      Path conf = Files.createDirectories(tmp.resolve("conf"));
      Files.writeString(conf.resolve("web.json"), SEED.formatted(webPort, webPort, webPort));
      Files.writeString(conf.resolve("web_checks.json"), MORE_CHECKS.formatted(tcp.getLocalPort()));

      agent = AgentProcess.startAgent(tmp.resolve("logs"), AgentProcess.freePort(), "-dev",
          "-server-port", Integer.toString(AgentProcess.freePort()),
          "-raft-port", Integer.toString(AgentProcess.freePort()),
          "-enable-local-script-checks",
          "-config-dir", conf.toString()).awaitLeader();
      ConsulHttp http = agent.http();

      // The TTL check starts critical (§4.4) and stays so until the application reports.
      await("runners pass; ttl critical").atMost(BOUND).ignoreException(CliException.class)
          .until(() -> statuses(http).equals(Map.of("api", "passing", "tcp", "passing",
              "script", "passing", "ttl", "critical")));
      assertThat(passingIds(http)).isEmpty();

      http.put("/v1/agent/check/pass/ttl?note=up", new byte[0]).orFail("passing ttl");
      await("ttl passing").atMost(BOUND).until(() -> "passing".equals(statuses(http).get("ttl")));
      await("instance passing").atMost(BOUND).until(() -> passingIds(http).size() == 1);
      JsonNode entry = get(http, "/v1/health/service/web?passing").get(0);
      assertThat(Json.text(entry.path("Service"), "ID")).isEqualTo("web");
      assertThat(entry.path("Service").path("Port").asInt()).isEqualTo(webPort);

      web.stop(0);
      web = null;
      await("instance gone from ?passing").atMost(BOUND)
          .until(() -> passingIds(http).isEmpty());
      assertThat(statuses(http).get("api")).isEqualTo("critical");
      assertThat(statuses(http)).containsEntry("tcp", "passing").containsEntry("ttl", "passing")
          .containsEntry("script", "passing");

      // The same port again; binding may need a retry while the old socket is released.
      AtomicReference<HttpServer> again = new AtomicReference<>();
      await("server back on " + webPort).atMost(BOUND).ignoreException(UncheckedIOException.class)
          .until(() -> again.compareAndSet(null, httpServer(webPort)));
      web = again.get();
      await("instance back in ?passing").atMost(BOUND).until(() -> passingIds(http).size() == 1);
    } finally {
      if (web != null) {
        web.stop(0);
      }
      if (agent != null) {
        agent.close();
      }
    }
  }

  /** An HTTP server answering 200 on every path, bound to loopback. */
  private static HttpServer httpServer(int port) {
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext("/", exchange -> {
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accepts and closes every connection, so repeated probes never fill the backlog. */
  private static void acceptAndClose(ServerSocket server) {
    Thread.ofVirtual().name("tcp-check-target").start(() -> {
      while (!server.isClosed()) {
        try (Socket ignored = server.accept()) {
          // A completed connect is all the TCP check looks at.
        } catch (IOException e) {
          return; // closed by the test
        }
      }
    });
  }

  private static JsonNode get(ConsulHttp http, String path) {
    return Json.parse(http.get(path).orFail("GET " + path).body());
  }

  /** CheckID → Status of web's checks, as /v1/health/checks/web shows them. */
  private static Map<String, String> statuses(ConsulHttp http) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode check : get(http, "/v1/health/checks/web")) {
      out.put(Json.text(check, "CheckID"), Json.text(check, "Status"));
    }
    return out;
  }

  private static List<String> passingIds(ConsulHttp http) {
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : get(http, "/v1/health/service/web?passing")) {
      ids.add(Json.text(entry.path("Service"), "ID"));
    }
    return ids;
  }
}
