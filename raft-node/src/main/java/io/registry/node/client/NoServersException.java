package io.registry.node.client;

/** A client agent knows no server to send a request to: Consul's text, which scripts match. */
public final class NoServersException extends RuntimeException {
  public NoServersException() {
    super("No known Consul servers");
  }
}
