package io.registry.cli.agent;

import io.registry.cli.Console;
import io.registry.node.api.RegistryNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (§15.1, consul-api.md sec. 14.3): a graceful leave first when the
 * {@link ShutdownPolicy} says so, else a plain shutdown; either way exit 0, where the JVM's
 * default would exit 130/143. A second signal during the leave exits 1 at once, as Consul's.
 */
final class SignalExit {
  // Longer than a server's leave wait (20 s) and a client's write budget (7 s).
  static final Duration LEAVE_BOUND = Duration.ofSeconds(45);

  private final ShutdownPolicy policy;
  private final Supplier<RegistryNode> node;
  private final Console console;
  private final AtomicBoolean leaving = new AtomicBoolean();

  private SignalExit(ShutdownPolicy policy, Supplier<RegistryNode> node, Console console) {
    this.policy = policy;
    this.node = node;
    this.console = console;
  }

  /** Installs the handlers; {@code node} is null until the node runs (then: plain exit). */
  static void install(ShutdownPolicy policy, Supplier<RegistryNode> node, Console console) {
    SignalExit handler = new SignalExit(policy, node, console);
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), signal -> handler.on(name));
      } catch (IllegalArgumentException e) {
        // signal not available on this platform: the JVM default still runs the hooks
      }
    }
  }

  private void on(String signal) {
    if (leaving.get()) {
      say("==> Caught second signal, exiting");
      System.exit(1);
    }
    say("==> Caught signal: " + ("TERM".equals(signal) ? "terminated" : "interrupt"));
    RegistryNode n = node.get();
    if (n == null || !policy.leavesOn(signal)) {
      System.exit(0);
    }
    leaving.set(true);
    say("==> Gracefully shutting down agent...");
    // Off the signal thread, which must stay free to see a second signal.
    Thread.ofPlatform().name("registry-signal-leave").start(() -> {
      n.leave();
      try {
        n.shutdownRequested().get(LEAVE_BOUND.toSeconds(), TimeUnit.SECONDS);
        // AgentRunner's own shutdownRequested hook prints "Graceful leave complete".
        System.exit(0);
      } catch (TimeoutException | ExecutionException e) {
        say("==> Leave did not complete within " + LEAVE_BOUND.toSeconds() + " s; exiting");
        System.exit(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        System.exit(1);
      }
    });
  }

  private void say(String line) {
    console.out().println(line);
    console.out().flush();
  }
}
