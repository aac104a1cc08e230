package io.registry.cli.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Answers on the HTTP port while a server or client agent waits for its cluster (a quorum
 * to elect a leader, its replica to catch up, a server to join through), which may take as
 * long as the other servers take to come back. Tools then get a plain answer instead of a
 * refused connection, and nothing is served from a catalog that is not caught up
 * (membership.md sec. 6): /v1/status/leader and /v1/status/peers say no leader, everything
 * else is 500 "Node not ready" with Retry-After. It closes just before the real gateway
 * binds the same port.
 */
final class StartingHttp implements AutoCloseable {
  static final String NOT_READY =
      "Node not ready: waiting for a cluster leader and for this replica to catch up";

  private final HttpServer server;

  private StartingHttp(HttpServer server) {
    this.server = server;
  }

  /** Binds host:port; null when the port is 0 (picked later) or cannot be bound now. */
  static StartingHttp open(String host, int port) {
    if (port <= 0) {
      return null;
    }
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 16);
      s.createContext("/", StartingHttp::answer);
      s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      s.start();
      return new StartingHttp(s);
    } catch (IOException | RuntimeException e) {
      // The gateway binds the port later and reports the failure itself.
      return null;
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      if ("/v1/status/leader".equals(path)) {
        send(exchange, 200, "application/json", "\"\"");
      } else if ("/v1/status/peers".equals(path)) {
        send(exchange, 200, "application/json", "[]");
      } else {
        exchange.getResponseHeaders().set("Retry-After", "1");
        send(exchange, 500, "text/plain; charset=utf-8", NOT_READY);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
