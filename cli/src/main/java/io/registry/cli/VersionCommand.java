package io.registry.cli;

import picocli.CommandLine.Command;

/** `registry version`: the build, from the jar manifest when there is one. */
@Command(name = "version", description = "Prints the registry version.")
public final class VersionCommand extends Verb {

  public VersionCommand(Console console) {
    super(console);
  }

  public static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  @Override
  public Integer call() {
    console.out().println("Registry v" + version());
    return 0;
  }
}
