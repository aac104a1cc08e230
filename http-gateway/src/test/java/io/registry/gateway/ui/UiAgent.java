package io.registry.gateway.ui;

import io.registry.gateway.http.GatewayOptions;
import io.registry.gateway.http.HttpGateway;
import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An in-process dev node with its HTTP gateway, the UI on: what `registry agent -dev` runs,
 * on free ports. Also the tests' own API client, for the writes the UI must notice.
 */
final class UiAgent implements AutoCloseable {
  static final String NODE_NAME = "ui-node";

  private final RegistryNode node;
  private final HttpGateway gateway;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private UiAgent(RegistryNode node, GatewayOptions options) {
    this.node = node;
    this.gateway = HttpGateway.start(node, "127.0.0.1", 0, options);
  }

  /** A dev node and a gateway with the UI on. */
  static UiAgent start() {
    return on(RegistryNodes.start(NodeConfig.devOnFreePorts(NODE_NAME)), true);
  }

  /** A gateway in front of the given node (a test double, or a real one). */
  static UiAgent on(RegistryNode node, boolean ui) {
    return new UiAgent(node, GatewayOptions.defaults(false).withUi(ui));
  }

  RegistryNode node() {
    return node;
  }

  String base() {
    return "http://127.0.0.1:" + gateway.port();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
  }

  HttpResponse<String> get(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header(header, value).GET().build());
  }

  HttpResponse<String> put(String path, String body) {
    return put(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  HttpResponse<String> put(String path, byte[] body) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + path))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    if (r.statusCode() != 200) {
      throw new AssertionError("PUT " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r;
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the gateway only: the page then finds nothing listening. */
  void closeGateway() {
    gateway.close();
  }

  @Override
  public void close() {
    gateway.close();
    node.close();
  }
}
