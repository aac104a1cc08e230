package io.registry.node.leader;

import io.registry.catalog.model.Member;
import io.registry.node.config.ClusterOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader-only job that prunes members (membership.md sec. 5): a member failed past its
 * reap deadline ({@code reconnect_timeout} after it failed) or left past its retention. The
 * deadline lives in the row ({@code reap_at_ms}), stamped from the leader's wall clock by the
 * failed write or, for rows written without one (a left member, an older row), by this job,
 * so every server shows the same {@code reap_at} and apply stays deterministic.
 *
 * <p>The job runs on every server and acts only while this server is the ready leader. That is
 * checked before every write, not only on a leadership notification: writes go through a
 * RaftClient to whoever leads, so a job that missed its demotion would still get them applied.
 * One command per removal, one log line each.
 */
public final class Reaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);

  private final ReapActions actions;
  private final BooleanSupplier isLeader;
  private final Supplier<List<Member>> members;
  private final Clock clock;
  private final ClusterOptions options;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("registry-reaper").factory());
  // Whether the last round ran as leader; only the timer thread touches it.
  private boolean leading;
  // Servers whose removal was refused, so the refusal is logged once, not every round.
  private final Set<String> refused = new HashSet<>();

  public Reaper(ReapActions actions, BooleanSupplier isLeader, Supplier<List<Member>> members,
      Clock clock, ClusterOptions options) {
    this.actions = actions;
    this.isLeader = isLeader;
    this.members = members;
    this.clock = clock;
    this.options = options;
  }

  public void start() {
    if (options.reconnectTimeout().compareTo(ClusterOptions.ADVISED_RECONNECT_TIMEOUT) < 0) {
      LOG.warn("reconnect_timeout {} is below 8h (Consul's minimum): a failed node that is only"
          + " partitioned may be reaped before it returns", options.reconnectTimeout());
    }
    long every = options.reaperPeriod().toMillis();
    timer.scheduleWithFixedDelay(this::safeRound, every, every, TimeUnit.MILLISECONDS);
  }

  private void safeRound() {
    try {
      round();
    } catch (RuntimeException e) {
      LOG.debug("Reaper round failed: {}", e.getMessage());
    }
  }

  /** One pass over the member rows; nothing at all unless this server leads. */
  void round() {
    if (!isLeader.getAsBoolean()) {
      if (leading) {
        LOG.debug("Reaper stopped: no longer the leader");
      }
      leading = false;
      refused.clear();
      return;
    }
    if (!leading) {
      LOG.debug("Reaper started: reconnect_timeout {}, left retention {}",
          options.reconnectTimeout(), options.leftRetention());
      leading = true;
    }
    for (Member m : members.get()) {
      if (!isLeader.getAsBoolean()) {
        return;
      }
      try {
        visit(m);
      } catch (RuntimeException e) {
        LOG.debug("Reaper skipped {}: {}", m.name(), e.getMessage());
      }
    }
  }

  private void visit(Member m) {
    boolean failed = Member.FAILED.equals(m.status());
    if (!failed && !Member.LEFT.equals(m.status())) {
      return;
    }
    long now = clock.millis();
    if (m.reapAtMs() == 0) {
      Duration wait = failed ? options.reconnectTimeout() : options.leftRetention();
      actions.schedule(m, now + wait.toMillis());
      return;
    }
    if (m.reapAtMs() > now) {
      return;
    }
    if (failed && "server".equals(m.role())) {
      reapServer(m);
      return;
    }
    actions.reap(m);
    LOG.info("Reaped {} member {} (due at {})", m.status(), m.name(),
        Instant.ofEpochMilli(m.reapAtMs()));
  }

  private void reapServer(Member m) {
    Member after;
    try {
      // TODO(#5): the quorum-safety rule lives in the removal path (PeerChanges); a refusal
      // lands here and the server is tried again next round.
      after = actions.removeServer(m);
    } catch (RuntimeException e) {
      if (refused.add(m.name())) {
        LOG.warn("Failed server {} is due for reaping but stays in the Raft configuration: {}",
            m.name(), e.getMessage());
      }
      return;
    }
    refused.remove(m.name());
    if (after != null) {
      actions.reap(after);
    }
    LOG.info("Reaped failed server {} (due at {}): out of the Raft configuration and the members",
        m.name(), Instant.ofEpochMilli(m.reapAtMs()));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
