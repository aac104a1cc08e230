package io.registry.gateway.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.gateway.http.HttpGateway;
import io.registry.node.RegistryNodes;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A dev node, its HTTP gateway (the way tests register services, as clients do) and any
 * number of DNS servers on free loopback ports, all closed together.
 */
final class DnsFixture implements AutoCloseable {
  private final RegistryNode node;
  private final HttpGateway http;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<DnsServer> servers = new ArrayList<>();

  private DnsFixture(RegistryNode node, HttpGateway http) {
    this.node = node;
    this.http = http;
  }

  static DnsFixture start(String nodeName) {
    RegistryNode node = RegistryNodes.start(NodeConfig.devOnFreePorts(nodeName));
    return new DnsFixture(node, HttpGateway.start(node, "127.0.0.1", 0, false));
  }

  RegistryNode node() {
    return node;
  }

  /** A DNS server with these options; its port is free and on loopback. */
  Dig dns(DnsOptions options) {
    DnsServer server = DnsServer.start(node, "127.0.0.1", 0, options);
    servers.add(server);
    return new Dig(server.port());
  }

  /** PUT /v1/catalog/register with this body; fails the test unless it says true. */
  void register(String json) {
    put("/v1/catalog/register", json);
  }

  void put(String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** An external node with one service instance and one service check. */
  void instance(String nodeName, String address, String service, String id, int port,
      String tags, String status) {
    register("""
        {"Node":"%s","Address":"%s",
         "Service":{"Service":"%s","ID":"%s","Port":%d,"Tags":[%s]},
         "Check":{"CheckID":"%s-check","Name":"alive","Status":"%s","ServiceID":"%s"}}"""
        .formatted(nodeName, address, service, id, port, tags, id, status, id));
  }

  @Override
  public void close() {
    servers.forEach(DnsServer::close);
    http.close();
    node.close();
  }
}
