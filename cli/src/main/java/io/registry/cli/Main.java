package io.registry.cli;

/** Entry point of the `registry` command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("TODO(#3)");
  }
}
