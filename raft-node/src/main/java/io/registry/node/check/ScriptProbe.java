package io.registry.node.check;

import io.registry.catalog.model.GoDuration;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The script check: exec the argv directly (no shell unless the argv starts one); exit 0
 * passing, 1 warning, anything else critical; stdout and stderr together, the last
 * OutputMaxSize bytes. On timeout the whole process tree is killed: a script that started
 * a child must not leave it running once the check has given up on it.
 */
final class ScriptProbe implements Probe {
  /** How long to wait for the output reader after the process is gone. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private final ProbeSpec spec;
  private final Executor blocking;
  private final int outputMaxSize;

  ScriptProbe(ProbeSpec spec, Executor blocking, int outputMaxSize) {
    this.spec = spec;
    this.blocking = blocking;
    this.outputMaxSize = outputMaxSize;
  }

  @Override
  public CompletableFuture<CheckResult> run() {
    return CompletableFuture.supplyAsync(this::probe, blocking);
  }

  private CheckResult probe() {
    Duration timeout = spec.effectiveTimeout();
    Process process;
    try {
      process = new ProcessBuilder(spec.args()).redirectErrorStream(true).start();
    } catch (IOException | RuntimeException e) {
      return CheckResult.critical("Failed to start check " + spec.args() + ": " + e.getMessage());
    }
    TailBuffer output = new TailBuffer(outputMaxSize);
    Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killTree(process);
        return CheckResult.critical("Timed out (" + GoDuration.format(timeout) + ") running check");
      }
      // A child that inherited the pipe may keep it open after the script exited.
      if (!reader.join(DRAIN)) {
        process.getInputStream().close();
      }
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      return CheckResult.critical("Check interrupted");
    } catch (IOException e) {
      // Closing the pipe failed: what was read so far is still the output.
    }
    int exit = process.exitValue();
    String text = output.text();
    return switch (exit) {
      case 0 -> CheckResult.passing(text);
      case 1 -> CheckResult.warning(text);
      default -> CheckResult.critical(text);
    };
  }

  /** Children first (listed before the parent dies, while they are still its descendants). */
  private static void killTree(Process process) {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void drain(InputStream in, TailBuffer out) {
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // The stream was closed under us (timeout or leftover child): keep what we have.
    }
  }
}
