package io.registry.node.agent;

import io.registry.catalog.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The agent's services and checks by ID, tombstones included, with one generation counter
 * for all of them. Guarded by the agent's lock. IDs are kept as given (Consul's local state is
 * case-sensitive; the catalog folds case itself).
 */
final class LocalEntries {
  private final TreeMap<String, LocalEntry<Service>> services = new TreeMap<>();
  private final TreeMap<String, LocalEntry<LocalCheck>> checks = new TreeMap<>();
  private long generation;

  /** The live service, or null. */
  Service service(String id) {
    LocalEntry<Service> e = services.get(id);
    return e == null || e.deleted() ? null : e.value();
  }

  /** The live check, or null. */
  LocalCheck check(String id) {
    LocalEntry<LocalCheck> e = checks.get(id);
    return e == null || e.deleted() ? null : e.value();
  }

  Collection<LocalEntry<Service>> serviceEntries() {
    return services.values();
  }

  Collection<LocalEntry<LocalCheck>> checkEntries() {
    return checks.values();
  }

  /** The live checks of a service, in ID order. */
  List<LocalEntry<LocalCheck>> checksOf(String serviceId) {
    List<LocalEntry<LocalCheck>> out = new ArrayList<>();
    for (LocalEntry<LocalCheck> e : checks.values()) {
      if (e.live() && e.value().serviceId().equals(serviceId)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The IDs of a service's live checks, in ID order. */
  List<String> checkIdsOf(String serviceId) {
    return checksOf(serviceId).stream().map(LocalEntry::id).toList();
  }

  void putService(Service service) {
    put(services, service.id(), service);
  }

  void putCheck(LocalCheck check) {
    put(checks, check.id(), check);
  }

  /** A status/output change of a live check. */
  void putCheckState(LocalCheck check) {
    checks.get(check.id()).setStatus(check, ++generation);
  }

  /**
   * A new output the catalog is not told about yet (batched output, §4.4): the entry's sync
   * state is left alone, so only a later change or an explicit putCheckState pushes it.
   */
  void putCheckQuietly(LocalCheck check) {
    checks.get(check.id()).replaceValue(check);
  }

  /**
   * Tombstones the service. Its checks go at once: the service's Deregister removes them
   * from the catalog too, so they need no tombstones of their own.
   */
  void removeService(String id) {
    checks.values().removeIf(e -> e.value().serviceId().equals(id));
    services.get(id).tombstone(++generation);
  }

  void removeCheck(String id) {
    checks.get(id).tombstone(++generation);
  }

  /** Drops a tombstone whose Deregister the catalog acknowledged (if not re-used since). */
  void drop(LocalEntry<?> entry) {
    if (!services.remove(entry.id(), entry)) {
      checks.remove(entry.id(), entry);
    }
  }

  /** Marks one entry out of sync: the next push sends it whole (or its Deregister again). */
  void resync(LocalEntry<?> entry) {
    entry.resync(++generation);
  }

  /**
   * A catalog row on this node that the agent does not own: kept as a tombstone, so the next
   * push deregisters it and its acknowledgement drops the entry. Callers make sure no entry
   * of that ID exists.
   */
  void strayService(Service row) {
    LocalEntry<Service> e = new LocalEntry<>(row.id(), row, ++generation);
    e.tombstone(++generation);
    services.put(row.id(), e);
  }

  /** As strayService, for a check row. */
  void strayCheck(LocalCheck row) {
    LocalEntry<LocalCheck> e = new LocalEntry<>(row.id(), row, ++generation);
    e.tombstone(++generation);
    checks.put(row.id(), e);
  }

  /** Everything will be pushed whole again (start, or a catalog that may have lost rows). */
  void resyncAll() {
    services.values().forEach(e -> e.resync(++generation));
    checks.values().forEach(e -> e.resync(++generation));
  }

  private <T> void put(TreeMap<String, LocalEntry<T>> map, String id, T value) {
    LocalEntry<T> e = map.get(id);
    if (e == null) {
      map.put(id, new LocalEntry<>(id, value, ++generation));
    } else {
      e.set(value, ++generation);
    }
  }
}
