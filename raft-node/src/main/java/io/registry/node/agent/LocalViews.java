package io.registry.node.agent;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.node.api.NodeIdentity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's read side: copies of its live services and checks as the agent endpoints show
 * them, taken under the agent's lock so that a reader never sees half a registration.
 */
final class LocalViews {
  private final Object lock;
  private final NodeIdentity self;
  /** Guarded by lock. */
  private final LocalEntries entries;
  /** Guarded by lock; knows when the reaper will remove a critical service. */
  private final CheckSupervisor supervisor;

  LocalViews(Object lock, NodeIdentity self, LocalEntries entries, CheckSupervisor supervisor) {
    this.lock = lock;
    this.self = self;
    this.entries = entries;
    this.supervisor = supervisor;
  }

  Map<String, Service> services() {
    synchronized (lock) {
      Map<String, Service> out = new LinkedHashMap<>();
      for (LocalEntry<Service> e : entries.serviceEntries()) {
        if (e.live()) {
          out.put(e.id(), e.value());
        }
      }
      return Collections.unmodifiableMap(out);
    }
  }

  Optional<Service> service(String serviceId) {
    synchronized (lock) {
      return Optional.ofNullable(serviceId == null ? null : entries.service(serviceId));
    }
  }

  Map<String, Check> checks() {
    synchronized (lock) {
      Map<String, Check> out = new LinkedHashMap<>();
      for (LocalEntry<LocalCheck> e : entries.checkEntries()) {
        if (e.live()) {
          out.put(e.id(), view(e.value().row()));
        }
      }
      return Collections.unmodifiableMap(out);
    }
  }

  Map<String, Instant> deregisterCriticalServiceAt() {
    synchronized (lock) {
      return Collections.unmodifiableMap(supervisor.deregisterAt());
    }
  }

  /** A check row as shown: this node's name, and its service's name and tags joined in. */
  private Check view(Check r) {
    Service s = r.serviceId().isEmpty() ? null : entries.service(r.serviceId());
    return new Check(self.nodeName(), r.checkId(), r.name(), r.status(), r.notes(), r.output(),
        r.serviceId(), s == null ? "" : s.name(), s == null ? List.of() : s.tags(), r.type(),
        r.interval(), r.timeout(), r.definition(), 0, 0);
  }
}
