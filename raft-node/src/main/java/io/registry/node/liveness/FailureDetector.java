package io.registry.node.liveness;

import io.registry.catalog.model.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * The leader's decision (membership.md sec. 5): a server silent for longer than the
 * threshold is failed, a failed one heard again is alive. Pure: it returns the transitions;
 * the caller writes them. A new leader waits a grace period before it fails anybody, so a
 * leader change never flaps members; it never judges itself.
 */
final class FailureDetector {
  private final String self;
  private final long thresholdNanos;
  private final long graceNanos;
  // Monotonic time this node became leader; -1 while it is not the leader.
  private long leaderSince = -1;

  FailureDetector(String self, long thresholdNanos, long graceNanos) {
    this.self = self;
    this.thresholdNanos = thresholdNanos;
    this.graceNanos = graceNanos;
  }

  /** One row and the status it should move to. */
  record Transition(Member member, String status) {}

  List<Transition> tick(boolean leader, List<Member> members, HeartbeatTable table) {
    if (!leader) {
      leaderSince = -1;
      return List.of();
    }
    long now = table.now();
    if (leaderSince < 0) {
      leaderSince = now;
    }
    List<Transition> out = new ArrayList<>();
    for (Member m : members) {
      if (!"server".equals(m.role()) || m.name().equals(self)) {
        continue;
      }
      boolean silent = table.silenceNanos(m.name(), leaderSince) > thresholdNanos;
      if (Member.ALIVE.equals(m.status()) && silent && now - leaderSince > graceNanos) {
        out.add(new Transition(m, Member.FAILED));
      } else if (Member.FAILED.equals(m.status()) && !silent) {
        out.add(new Transition(m, Member.ALIVE));
      }
    }
    return out;
  }
}
