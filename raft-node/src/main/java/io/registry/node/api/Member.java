package io.registry.node.api;

import java.util.Map;

/**
 * A cluster member as /v1/agent/members shows it. status: 1 alive, 2 leaving, 3 left,
 * 4 failed (Serf's numbers).
 */
public record Member(String name, String addr, int port, Map<String, String> tags, int status) {
  public Member {
    tags = Map.copyOf(tags);
  }
}
