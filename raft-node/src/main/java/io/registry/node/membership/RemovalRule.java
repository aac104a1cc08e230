package io.registry.node.membership;

import java.util.List;
import java.util.Set;

/**
 * The quorum rule for removing a voter (membership.md sec. 3 "Quorum"): H', the healthy
 * voters left after the change, must reach floor(|V'|/2)+1. So a dead peer is always
 * removable while a quorum remains, and a live one only if the rest still make a quorum.
 *
 * @param remaining the voters after the removal, by name
 * @param healthy the names among them the leader counts healthy
 */
record RemovalRule(List<String> remaining, Set<String> healthy) {

  RemovalRule {
    remaining = List.copyOf(remaining);
    healthy = Set.copyOf(healthy);
  }

  int quorum() {
    return remaining.size() / 2 + 1;
  }

  int healthyLeft() {
    return (int) remaining.stream().filter(healthy::contains).count();
  }

  boolean allows() {
    return healthyLeft() >= quorum();
  }

  /** The first voter left that is not healthy, the one to force-leave first; null if none. */
  String firstUnhealthy() {
    return remaining.stream().filter(n -> !healthy.contains(n)).findFirst().orElse(null);
  }

  /**
   * Why removing {@code removed} is refused, in the words the operator sees; {@code leave}
   * when the server asked to leave itself, which -force can override.
   */
  String refusal(String removed, boolean leave) {
    String prefix = leave ? "leave refused: " : "removing " + removed + " refused: ";
    if (remaining.isEmpty()) {
      return prefix + removed + " is the last voter" + (leave ? "; use leave -force." : ".");
    }
    StringBuilder s = new StringBuilder(prefix).append("after removing ").append(removed)
        .append(", ").append(healthyLeft()).append(" of ").append(remaining.size())
        .append(remaining.size() == 1 ? " voter" : " voters").append(" would be healthy; quorum needs ")
        .append(quorum()).append('.');
    String failed = firstUnhealthy();
    if (failed != null) {
      s.append(" Remove the failed server first (registry force-leave ").append(failed)
          .append(')');
      s.append(leave ? " or use leave -force." : ".");
    } else if (leave) {
      s.append(" Use leave -force to shut down anyway.");
    }
    return s.toString();
  }
}
