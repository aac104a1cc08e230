package io.registry.node.api;

/** No Raft leader is known: Consul answers "500 No cluster leader". */
public final class NoLeaderException extends RuntimeException {
  public NoLeaderException() {
    super("No cluster leader");
  }
}
