package io.registry.cli.operator;

import io.registry.cli.CliException;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.node.recovery.RaftRecovery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `registry operator raft recover -data-dir D -peers id=host:raftport,...` (membership.md
 * "Quorum lost for good"): offline, on a stopped server, makes the given peers its Raft
 * configuration. No HTTP: it works on the data dir. The files it rewrites are kept as
 * *.before-recover-<time>.
 */
@Command(name = "recover",
    description = "Offline: makes the given peers the Raft configuration of a stopped server.")
public final class RaftRecover extends Verb {
  @Option(names = {"-data-dir", "--data-dir"}, required = true,
      description = "The data dir of the stopped server.")
  Path dataDir;

  @Option(names = {"-peers", "--peers"}, required = true,
      description = "The new peer set: raft-peer-id=host:raftport,... (this server included).")
  String peers;

  public RaftRecover(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    String stamp = ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    try {
      for (String line : RaftRecovery.run(dataDir, RaftRecovery.parsePeers(peers), stamp)) {
        console.out().println(line);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException("Error recovering: " + e.getMessage());
    } catch (IOException e) {
      throw new CliException("Error recovering: " + e);
    }
    console.out().println("Recovered. Start this server; the peers listed must be started "
        + "after the same recover, or join it anew.");
    return 0;
  }
}
