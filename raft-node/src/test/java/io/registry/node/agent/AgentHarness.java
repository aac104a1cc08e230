package io.registry.node.agent;

import io.registry.node.api.NodeIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One agent wired to a fake clock, a manual scheduler, a recording writer and fake probes
 * (no real network or process from a check, and first runs without jitter).
 */
final class AgentHarness implements AutoCloseable {
  static final NodeIdentity SELF =
      new NodeIdentity("node-1", "6f1c2b1e-0000-4000-8000-000000000001", "dc1", "10.0.0.1",
          "10.0.0.1:8300", true, Map.of(), "0.1.0");
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  final FakeClock clock;
  final ManualScheduler scheduler;
  final FakeWriter writer = new FakeWriter();
  final FakeProbes probes = new FakeProbes();
  final AgentState agent;

  AgentHarness() {
    this(null, new FakeClock(T0));
  }

  AgentHarness(AgentOptions options) {
    this(null, new FakeClock(T0), options, 0);
  }

  AgentHarness(Path dir, FakeClock clock) {
    this(dir, clock, AgentOptions.defaults(), 0);
  }

  AgentHarness(Path dir, FakeClock clock, AgentOptions options, long jitterMs) {
    this(dir, clock, options, jitterMs, CatalogReader.NONE);
  }

  /** An agent whose anti-entropy reads the catalog through reader. */
  AgentHarness(Path dir, FakeClock clock, AgentOptions options, long jitterMs,
      CatalogReader reader) {
    this.clock = clock;
    this.scheduler = new ManualScheduler(clock);
    this.agent = new AgentState(SELF, writer, dir, clock, scheduler, options, probes,
        new FixedJitter(jitterMs), reader);
  }

  @Override
  public void close() {
    agent.close();
  }
}
