package io.registry.node.agent;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Stands in for RegistryNode::write: records every proposed command and answers at once,
 * with success, a failure (as with no leader), or a catalog refusal.
 */
final class FakeWriter implements Function<Command, CompletableFuture<ApplyResult>> {
  enum Mode { ACCEPT, FAIL, REFUSE }

  private final List<Command> commands = new ArrayList<>();
  private Mode mode = Mode.ACCEPT;
  private long index = 10;

  void mode(Mode m) {
    mode = m;
  }

  synchronized List<Command> commands() {
    return List.copyOf(commands);
  }

  /** The commands since the last call, then forgets them. */
  synchronized List<Command> drain() {
    List<Command> out = List.copyOf(commands);
    commands.clear();
    return out;
  }

  @Override
  public synchronized CompletableFuture<ApplyResult> apply(Command command) {
    commands.add(command);
    return switch (mode) {
      case ACCEPT -> CompletableFuture.completedFuture(ApplyResult.success(true, ++index));
      case FAIL -> CompletableFuture.failedFuture(new IllegalStateException("No cluster leader"));
      case REFUSE -> CompletableFuture.completedFuture(ApplyResult.failure("refused", ++index));
    };
  }
}
