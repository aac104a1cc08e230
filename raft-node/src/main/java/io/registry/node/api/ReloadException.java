package io.registry.node.api;

/**
 * A reload that was refused: the message names the file, key and reason. The configuration
 * that was running before stays in force.
 */
public final class ReloadException extends RuntimeException {
  public ReloadException(String message) {
    super(message);
  }

  public ReloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
