package io.registry.node.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP probe against a real JDK HTTP server that answers what the test asks (§4.4). */
class HttpProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final Probes probes = new Probes(Clock.systemUTC());
  private final AtomicInteger code = new AtomicInteger(200);
  private final AtomicReference<String> body = new AtomicReference<>("ok");
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  /** Holds the /slow handler until the test ends. */
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", this::health);
    server.createContext("/moved", ex -> {
      ex.getResponseHeaders().add("Location", "/health");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/slow", ex -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    probes.close();
  }

  private void health(HttpExchange ex) throws IOException {
    seen.put("method", ex.getRequestMethod());
    seen.put("ua", String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
    seen.put("accept", String.valueOf(ex.getRequestHeaders().getFirst("Accept")));
    seen.put("x-probe", String.valueOf(ex.getRequestHeaders().getFirst("X-Probe")));
    seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] out = body.get().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code.get(), out.length == 0 ? -1 : out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  private CheckResult run(ProbeSpec spec, int max) throws Exception {
    return probes.create(spec, max).run().get(20, TimeUnit.SECONDS);
  }

  @Test
  void twoHundredPassesWithConsulsOutputAndHeaders() throws Exception {
    CheckResult r = run(Specs.http(base + "/health", TIMEOUT), 4096);

    assertThat(r).isEqualTo(
        CheckResult.passing("HTTP GET " + base + "/health: 200 OK Output: ok"));
    assertThat(seen).containsEntry("ua", "Consul Health Check")
        .containsEntry("accept", "text/plain, text/*, */*");
  }

  @Test
  void fourTwentyNineWarnsAndOtherCodesAreCritical() throws Exception {
    code.set(429);
    assertThat(run(Specs.http(base + "/health", TIMEOUT), 4096).status()).isEqualTo("warning");
    code.set(500);
    body.set("boom");
    CheckResult r = run(Specs.http(base + "/health", TIMEOUT), 4096);
    assertThat(r).isEqualTo(CheckResult.critical(
        "HTTP GET " + base + "/health: 500 Internal Server Error Output: boom"));
    code.set(204);
    body.set("");
    assertThat(run(Specs.http(base + "/health", TIMEOUT), 4096).status()).isEqualTo("passing");
  }

  @Test
  void methodHeadersAndBodyAreSent() throws Exception {
    ProbeSpec spec = Specs.http(base + "/health", "POST",
        Map.of("X-Probe", List.of("7"), "User-Agent", List.of("mine")), "ping", false, TIMEOUT);

    CheckResult r = run(spec, 4096);

    assertThat(r.output()).startsWith("HTTP POST " + base + "/health: 200 OK");
    assertThat(seen).containsEntry("method", "POST").containsEntry("body", "ping")
        .containsEntry("x-probe", "7").containsEntry("ua", "mine");
  }

  @Test
  void redirectsAreFollowedUnlessDisabled() throws Exception {
    assertThat(run(Specs.http(base + "/moved", TIMEOUT), 4096).status()).isEqualTo("passing");

    CheckResult r = run(Specs.http(base + "/moved", "GET", Map.of(), "", true, TIMEOUT), 4096);

    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).isEqualTo("HTTP GET " + base + "/moved: 302 Found Output: "
        + " (redirect to /health not followed)");
  }

  @Test
  void refusedConnectionIsCriticalWithClearOutput() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/";

    CheckResult r = run(Specs.http(url, TIMEOUT), 4096);

    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).startsWith("HTTP GET " + url + ": connect failed")
        .containsIgnoringCase("refused");
  }

  @Test
  void aServerThatDoesNotAnswerTimesOut() throws Exception {
    CheckResult r = run(Specs.http(base + "/slow", Duration.ofMillis(300)), 4096);

    assertThat(r).isEqualTo(CheckResult.critical(
        "HTTP GET " + base + "/slow: request timed out after 300ms"));
  }

  @Test
  void bodyIsCutToOutputMaxSize() throws Exception {
    body.set("x".repeat(10_000));

    CheckResult r = run(Specs.http(base + "/health", TIMEOUT), 100);

    assertThat(r.output()).endsWith("Output: " + "x".repeat(100));
  }

  @Test
  void aBadUrlIsCriticalNotAnException() throws Exception {
    CheckResult r = run(Specs.http("ftp://nowhere/", TIMEOUT), 4096);
    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).startsWith("HTTP GET ftp://nowhere/: ");
  }
}
