package io.registry.node.leader;

import io.registry.catalog.model.Member;

/**
 * The Raft writes the {@link Reaper} makes, each conditional on the row it read (its modify
 * index), so a member that changed since (came back, was force-left) is left alone. Each
 * throws {@link IllegalStateException} with the reason when the write was refused.
 */
public interface ReapActions {
  /** Stamps the row with the leader's reap deadline. */
  void schedule(Member row, long reapAtMs);

  /**
   * Takes a failed server out of the Raft configuration through the ordinary removal path
   * (leaving, conf change, left), which may refuse it.
   *
   * @return the member row as it is afterwards, null when it is gone
   */
  Member removeServer(Member row);

  /** Removes the member row (one MemberReap; a failed member's node goes with it). */
  void reap(Member row);
}
