package io.registry.cli;

import picocli.CommandLine.Option;

/** `-h`, `-help` (Consul's spelling) and `--help`. */
public final class HelpOption {
  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;
}
