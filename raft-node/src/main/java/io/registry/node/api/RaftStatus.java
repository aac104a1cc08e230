package io.registry.node.api;

import java.util.List;

/**
 * Raft facts at one moment. leaderAddress "" when no leader is known. lastContactMs is 0 on
 * the leader. state: leader, follower, candidate or client.
 */
public record RaftStatus(
    String leaderAddress,
    List<String> peers,
    boolean knownLeader,
    long lastContactMs,
    String state,
    long term,
    long commitIndex,
    long appliedIndex,
    long lastLogIndex) {

  public RaftStatus {
    peers = List.copyOf(peers);
  }
}
