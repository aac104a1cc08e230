package io.registry.node.agent;

import java.io.IOException;
import java.time.Clock;

/**
 * The agent's writes to its data dir. Each runs before the matching memory change, so a
 * failed write leaves no trace; without a store (dev mode) nothing is written.
 */
final class AgentDisk {
  /** A write to the data dir. */
  interface Write {
    void run(LocalStore disk) throws IOException;
  }

  /** null: nothing is persisted. */
  private final LocalStore store;
  private final Clock clock;

  AgentDisk(LocalStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  LocalStore store() {
    return store;
  }

  /** Runs write; an IOException becomes Consul's 500 naming what failed. */
  void persist(String what, Write write) {
    if (store == null) {
      return;
    }
    try {
      write.run(store);
    } catch (IOException e) {
      throw new AgentException(500, "failed persisting " + what + ": " + e.getMessage());
    }
  }

  /** A check, and for a TTL check its state with a full TTL from now. */
  void saveCheck(LocalStore disk, LocalCheck check) throws IOException {
    disk.saveCheck(check);
    if (check.hasTtl()) {
      disk.saveTtl(check.id(), new TtlState(check.row().status(), check.row().output(),
          clock.millis() + check.ttl().toMillis()));
    }
  }
}
