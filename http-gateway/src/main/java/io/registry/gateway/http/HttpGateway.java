package io.registry.gateway.http;

import io.registry.node.api.RegistryNode;

/** The Consul v1 HTTP API of one node. */
public final class HttpGateway implements AutoCloseable {

  /**
   * Starts serving on host:port (port 0 picks a free one) and returns once it listens.
   *
   * @param pretty pretty-print every JSON response (what -dev does)
   */
  public static HttpGateway start(RegistryNode node, String host, int port, boolean pretty) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** The port it listens on. */
  public int port() {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void close() {}
}
