package io.registry.node.liveness;

import io.registry.catalog.model.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leader's decision (membership.md sec. 5): a node silent for longer than the
 * threshold is failed, a failed one heard again is alive. Pure: it returns the transitions;
 * the caller writes them. A new leader waits a grace period before it fails anybody, so a
 * leader change never flaps members; it never judges itself.
 *
 * <p>The rows it reads are the leader's replica, which shows a transition only once its write
 * applied. So a transition handed out stays in flight, and is not handed out again, until the
 * row moves (its modify index changes) or the caller reports the write lost ({@link #lost}).
 * Thread-safe: the writes complete on other threads.
 */
final class FailureDetector {
  private final String self;
  private final long thresholdNanos;
  private final long graceNanos;
  // Monotonic time this node became leader; -1 while it is not the leader.
  private long leaderSince = -1;
  // Member name -> the transition handed out for it and the row's modify index at the time.
  private final Map<String, InFlight> inFlight = new HashMap<>();

  FailureDetector(String self, long thresholdNanos, long graceNanos) {
    this.self = self;
    this.thresholdNanos = thresholdNanos;
    this.graceNanos = graceNanos;
  }

  /** One row and the status it should move to. */
  record Transition(Member member, String status) {}

  private record InFlight(String status, long modifyIndex) {}

  synchronized List<Transition> tick(boolean leader, List<Member> members, HeartbeatTable table) {
    if (!leader) {
      leaderSince = -1;
      inFlight.clear();
      return List.of();
    }
    long now = table.now();
    if (leaderSince < 0) {
      leaderSince = now;
    }
    List<Transition> out = new ArrayList<>();
    Map<String, InFlight> still = new HashMap<>();
    for (Member m : members) {
      InFlight pending = inFlight.get(m.name());
      if (pending != null && pending.modifyIndex() == m.modifyIndex()) {
        still.put(m.name(), pending);
        continue;
      }
      // Servers and client agents alike: both heartbeat the leader.
      if (m.name().equals(self)) {
        continue;
      }
      boolean silent = table.silenceNanos(m.name(), leaderSince) > thresholdNanos;
      String next = null;
      if (Member.ALIVE.equals(m.status()) && silent && now - leaderSince > graceNanos) {
        next = Member.FAILED;
      } else if (Member.FAILED.equals(m.status()) && !silent) {
        next = Member.ALIVE;
      }
      if (next != null) {
        out.add(new Transition(m, next));
        still.put(m.name(), new InFlight(next, m.modifyIndex()));
      }
    }
    // Rows that moved or went away take their entries with them.
    inFlight.clear();
    inFlight.putAll(still);
    return out;
  }

  /** The write of {@code t} failed or was refused: the next tick may decide it again. */
  synchronized void lost(Transition t) {
    inFlight.remove(t.member().name(), new InFlight(t.status(), t.member().modifyIndex()));
  }
}
