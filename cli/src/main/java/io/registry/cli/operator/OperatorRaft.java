package io.registry.cli.operator;

import io.registry.cli.Console;
import io.registry.cli.Verb;
import picocli.CommandLine.Command;

/** `registry operator raft`: the Raft peer set. */
@Command(name = "raft", description = "Inspects the Raft peer set.",
    subcommands = {RaftListPeers.class, RaftRemovePeer.class, RaftRecover.class})
public final class OperatorRaft extends Verb {

  public OperatorRaft(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }
}
