package io.registry.node.agent;

import io.registry.catalog.model.Service;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

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

  /**
   * A service registration: the service with its checks, minus the checks it replaced. A
   * file's definitions are not persisted, the file is their record; a stale HTTP-registered
   * copy of the service must not come back at the next start.
   */
  void persistService(
      Service service, boolean fromFile, List<CheckStart> checks, List<String> dropped) {
    persist("service " + service.id(), d -> {
      if (fromFile) {
        d.deleteService(service.id());
      } else {
        d.saveService(service);
      }
      for (CheckStart c : checks) {
        saveStarted(d, c, fromFile);
      }
      for (String x : dropped) {
        d.deleteCheck(x);
      }
    });
  }

  /** A check, and for a TTL check its state with a full TTL from now. */
  void saveCheck(LocalStore disk, LocalCheck check) throws IOException {
    disk.saveCheck(check);
    saveFreshTtl(disk, check);
  }

  /**
   * A check being registered. A config file is the record of its own checks, so only their
   * TTL state is written (a resumed one as it was saved), and a stale HTTP-registered copy
   * must not come back at the next start.
   */
  void saveStarted(LocalStore disk, CheckStart start, boolean fromFile) throws IOException {
    if (!fromFile) {
      saveCheck(disk, start.check());
      return;
    }
    String id = start.check().id();
    disk.deleteCheck(id);
    if (start.resumed() != null) {
      disk.saveTtl(id, start.resumed());
    } else {
      saveFreshTtl(disk, start.check());
    }
  }

  /** What a TTL check persists; the digest lets a file check resume only if unchanged. */
  TtlState ttlState(LocalCheck check, String status, String output, long expires) {
    return new TtlState(status, output, expires, definition(check));
  }

  /** The digest of check's definition; "" without a store (nothing is compared then). */
  String definition(LocalCheck check) {
    return store == null ? "" : store.definitionOf(check);
  }

  private void saveFreshTtl(LocalStore disk, LocalCheck check) throws IOException {
    if (check.hasTtl()) {
      disk.saveTtl(check.id(), ttlState(check, check.row().status(), check.row().output(),
          clock.millis() + check.ttl().toMillis()));
    }
  }
}
