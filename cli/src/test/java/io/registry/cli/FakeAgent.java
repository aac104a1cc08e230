package io.registry.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-JVM HTTP server answering canned responses by "METHOD path" (query excluded) and
 * recording each request, so client verbs can be tested without a real agent.
 */
final class FakeAgent implements AutoCloseable {
  record Request(String method, String path, String query, String body, String token) {}

  record Reply(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeAgent() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getRawPath();
      requests.add(new Request(exchange.getRequestMethod(), path,
          exchange.getRequestURI().getRawQuery(), body,
          exchange.getRequestHeaders().getFirst("X-Consul-Token")));
      Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + path,
          new Reply(404, ""));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
  }

  FakeAgent reply(String methodAndPath, int status, String body) {
    replies.put(methodAndPath, new Reply(status, body));
    return this;
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  Request last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
