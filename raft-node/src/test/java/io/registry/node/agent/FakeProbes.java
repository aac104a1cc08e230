package io.registry.node.agent;

import io.registry.node.check.CheckResult;
import io.registry.node.check.Probe;
import io.registry.node.check.ProbeFactory;
import io.registry.node.check.ProbeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Probes answered by the test. A target (URL, host:port or argv) with an answer completes
 * each run at once with it; without one a run stays pending until the test completes it,
 * so tests that never set an answer see no results at all.
 */
final class FakeProbes implements ProbeFactory {
  private final Map<String, CheckResult> answers = new HashMap<>();
  private final Map<String, List<CompletableFuture<CheckResult>>> pending = new HashMap<>();
  private final Map<String, Integer> runs = new HashMap<>();
  /** Output caps the probes were created with, by target. */
  final Map<String, Integer> caps = new HashMap<>();
  int created;
  int closed;

  synchronized void answer(String target, CheckResult r) {
    answers.put(target, r);
  }

  synchronized int runs(String target) {
    return runs.getOrDefault(target, 0);
  }

  /** Completes the oldest pending run of target. */
  void complete(String target, CheckResult r) {
    CompletableFuture<CheckResult> f;
    synchronized (this) {
      f = pending.get(target).remove(0);
    }
    f.complete(r);
  }

  static String target(ProbeSpec s) {
    return s.http() + s.tcp() + s.grpc() + String.join(" ", s.args());
  }

  @Override
  public synchronized Probe create(ProbeSpec spec, int outputMaxSize) {
    created++;
    String target = target(spec);
    caps.put(target, outputMaxSize);
    return new Probe() {
      @Override
      public CompletableFuture<CheckResult> run() {
        synchronized (FakeProbes.this) {
          runs.merge(target, 1, Integer::sum);
          CheckResult r = answers.get(target);
          if (r != null) {
            return CompletableFuture.completedFuture(r);
          }
          CompletableFuture<CheckResult> f = new CompletableFuture<>();
          pending.computeIfAbsent(target, k -> new ArrayList<>()).add(f);
          return f;
        }
      }

      @Override
      public void close() {
        synchronized (FakeProbes.this) {
          closed++;
        }
      }
    };
  }
}
