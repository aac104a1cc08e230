package io.registry.node.agent;

/** A refused agent operation: Consul's HTTP status code and its plain message. */
public final class AgentException extends RuntimeException {
  private final int status;

  public AgentException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
