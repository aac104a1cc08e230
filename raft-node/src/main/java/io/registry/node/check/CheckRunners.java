package io.registry.node.check;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * The running checks of an agent by check ID. Not thread-safe: the agent calls it under its
 * lock (which also guards the shared random generator).
 */
public final class CheckRunners implements AutoCloseable {
  private final ProbeFactory probes;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final RandomGenerator random;
  private final Map<String, CheckRunner> running = new HashMap<>();

  public CheckRunners(
      ProbeFactory probes, Clock clock, ScheduledExecutorService scheduler,
      RandomGenerator random) {
    this.probes = probes;
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random;
  }

  /**
   * Starts the check, or keeps it running untouched when the same probe already runs under
   * this ID (a re-registration must not reset thresholds or the schedule).
   *
   * @return true when a new runner started
   */
  public boolean start(String checkId, RunnerConfig config, CheckRunner.Listener listener) {
    CheckRunner current = running.get(checkId);
    if (current != null && current.config().equals(config)) {
      return false;
    }
    stop(checkId);
    Probe probe = probes.create(config.probe(), config.outputMaxSize());
    CheckRunner runner = new CheckRunner(checkId, config, probe, clock, scheduler, listener);
    running.put(checkId, runner);
    runner.start(random);
    return true;
  }

  public void stop(String checkId) {
    CheckRunner r = running.remove(checkId);
    if (r != null) {
      r.stop();
    }
  }

  /** Whether runner is the one now running under its ID (results of replaced ones are dropped). */
  public boolean isCurrent(CheckRunner runner) {
    return running.get(runner.checkId()) == runner;
  }

  public int size() {
    return running.size();
  }

  @Override
  public void close() {
    running.values().forEach(CheckRunner::stop);
    running.clear();
  }
}
