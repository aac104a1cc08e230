package io.registry.node.agent;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.Names;
import io.registry.catalog.table.RowCodec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The full compare of anti-entropy (Consul's updateSyncState): the catalog's rows for this
 * node against the agent's entries. It only marks entries: a local service or check that the
 * catalog lacks or holds differently is marked out of sync, a catalog row the agent does not
 * own becomes a tombstone; the next push does the writes. Entries already out of sync, and
 * tombstones, are left as they are: their push is pending or under way (a read may race
 * it), and a failed one is retried anyway. The node's own rows (serfHealth, a server's
 * "consul" service) are never touched. Runs under the agent's lock.
 */
final class CatalogCompare {
  /** What one compare changed, for the log and for tests. */
  record Outcome(int resynced, int strays, int tagsAdopted) {
    static final Outcome NONE = new Outcome(0, 0, 0);
  }

  private final LocalEntries entries;
  private final Set<String> ownServices;
  private final Set<String> ownChecks;
  /** Checks whose newer output waits for its batch (§4.4): output differences don't count. */
  private final Predicate<String> outputDeferred;
  private int resynced;
  private int strays;
  private int adopted;

  private CatalogCompare(LocalEntries entries, CatalogReader reader,
      Predicate<String> outputDeferred) {
    this.entries = entries;
    this.ownServices = folded(reader.ownServices());
    this.ownChecks = folded(reader.ownChecks());
    this.outputDeferred = outputDeferred;
  }

  static Outcome run(LocalEntries entries, CatalogReader reader, NodeRows remote,
      Predicate<String> outputDeferred) {
    if (!remote.nodeExists()) {
      // The node left or was reaped: registering its services again would bring back a
      // node that membership removed. Rejoining is membership's business.
      return Outcome.NONE;
    }
    CatalogCompare c = new CatalogCompare(entries, reader, outputDeferred);
    Set<String> gone = c.services(remote.services());
    c.checks(remote.checks(), gone);
    return new Outcome(c.resynced, c.strays, c.adopted);
  }

  /** Answers the folded IDs of the stray services, whose Deregister takes their checks too. */
  private Set<String> services(List<Service> rows) {
    Map<String, Service> remote = byId(rows, Service::id);
    Set<String> local = new HashSet<>();
    for (LocalEntry<Service> e : entries.serviceEntries()) {
      local.add(fold(e.id()));
      Service r = remote.get(fold(e.id()));
      if (e.deleted()) {
        continue;
      }
      Service mine = e.value();
      if (r != null && mine.enableTagOverride() && !mine.tags().equals(r.tags())) {
        // Consul: with EnableTagOverride, tag edits made in the catalog win, also over a
        // push still pending (the one held back at start).
        e.replaceValue(withTags(mine, r.tags()));
        adopted++;
      }
      if (e.inSync() && (r == null || !sameService(e.value(), r))) {
        resync(e);
      }
    }
    Set<String> gone = new HashSet<>();
    remote.forEach((id, r) -> {
      if (!local.contains(id) && !ownServices.contains(id)) {
        entries.strayService(r);
        gone.add(id);
        strays++;
      }
    });
    return gone;
  }

  private void checks(List<Check> rows, Set<String> goneServices) {
    Map<String, Check> remote = byId(rows, Check::checkId);
    Set<String> local = new HashSet<>();
    for (LocalEntry<LocalCheck> e : entries.checkEntries()) {
      local.add(fold(e.id()));
      Check r = remote.get(fold(e.id()));
      if (e.inSync() && !e.deleted()
          && (r == null || !sameCheck(e.value().row(), r, outputDeferred.test(e.id())))) {
        resync(e);
      }
    }
    remote.forEach((id, r) -> {
      if (!local.contains(id) && !ownChecks.contains(id)
          && !goneServices.contains(fold(r.serviceId()))) {
        entries.strayCheck(new LocalCheck(r, null, 0, 0, 0, 0, null));
        strays++;
      }
    });
  }

  private void resync(LocalEntry<?> e) {
    entries.resync(e);
    resynced++;
  }

  /** Equal as catalog rows: IDs case-insensitively, with the catalog's defaults applied. */
  static boolean sameService(Service local, Service remote) {
    return comparable(RowCodec.serviceRow(local)).equals(comparable(RowCodec.serviceRow(remote)));
  }

  /** Equal as catalog rows, status and output included unless ignoreOutput. */
  static boolean sameCheck(Check local, Check remote, boolean ignoreOutput) {
    return comparable(RowCodec.checkRow(local), ignoreOutput)
        .equals(comparable(RowCodec.checkRow(remote), ignoreOutput));
  }

  // The defaults are the ones RegisterOp applies before storing a row.
  private static ServiceRow comparable(ServiceRow row) {
    ServiceRow.Builder b = row.toBuilder().setId(fold(row.getId()));
    if (row.getWeightPassing() == 0) {
      b.setWeightPassing(1).setWeightWarning(1);
    }
    return b.build();
  }

  private static CheckRow comparable(CheckRow row, boolean ignoreOutput) {
    CheckRow.Builder b = row.toBuilder()
        .setCheckId(fold(row.getCheckId()))
        .setServiceId(fold(row.getServiceId()));
    if (row.getStatus().isEmpty()) {
      b.setStatus(Check.CRITICAL);
    }
    if (ignoreOutput) {
      b.setOutput("");
    }
    return b.build();
  }

  private static Service withTags(Service s, List<String> tags) {
    return new Service(s.node(), s.id(), s.name(), tags, s.address(), s.port(),
        s.taggedAddresses(), s.meta(), s.weights(), s.enableTagOverride(), s.kind(),
        s.createIndex(), s.modifyIndex());
  }

  private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
    Map<String, T> out = new HashMap<>();
    rows.forEach(r -> out.put(fold(id.apply(r)), r));
    return out;
  }

  private static Set<String> folded(Set<String> ids) {
    Set<String> out = new HashSet<>();
    ids.forEach(i -> out.add(fold(i)));
    return out;
  }

  private static String fold(String id) {
    return Names.fold(id);
  }
}
