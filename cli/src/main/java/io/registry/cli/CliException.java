package io.registry.cli;

/**
 * A failure the user should see as one line on stderr, with the exit code the command
 * ends with (1 for errors, 2 where §15.2 says so, e.g. `members` with no match).
 */
public final class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(String message) {
    this(message, 1);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
