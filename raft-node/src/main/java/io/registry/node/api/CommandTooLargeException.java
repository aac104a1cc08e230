package io.registry.node.api;

/** An encoded command over the Raft entry limit; rejected before it reaches Ratis. */
public final class CommandTooLargeException extends RuntimeException {
  public CommandTooLargeException(int size, int limit) {
    super("Command of " + size + " bytes is over the limit of " + limit + " bytes");
  }
}
