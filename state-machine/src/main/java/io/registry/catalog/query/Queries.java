package io.registry.catalog.query;

import io.registry.catalog.index.WatchKeys;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.NodeServices;
import io.registry.catalog.model.Result;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.ServiceInstance;
import io.registry.catalog.table.Names;
import io.registry.catalog.table.RowKey;
import io.registry.catalog.table.Tables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads returning (value, index, wait key) per catalog.md sec. 3.2: an absent resource
 * answers its table's index and key, a present one (even if a filter empties it) its own.
 * Callers hold the read lock; values are fresh immutable copies.
 */
public final class Queries {
  private static final Set<String> STATES = Set.of(Check.PASSING, Check.WARNING, Check.CRITICAL);

  private Queries() {}

  public static Result<List<Node>> nodes(Tables t) {
    return table(t, List.copyOf(t.nodes()), WatchKeys.NODES);
  }

  public static Result<Map<String, List<String>>> services(Tables t) {
    Map<String, List<String>> out = new TreeMap<>();
    t.servicesByName()
        .forEach(
            (folded, keys) -> {
              TreeSet<String> tags = new TreeSet<>();
              String spelling = null;
              for (RowKey key : keys) {
                Service s = t.service(key);
                spelling = spelling == null ? s.name() : spelling;
                tags.addAll(s.tags());
              }
              out.put(spelling, List.copyOf(tags));
            });
    return table(t, Collections.unmodifiableMap(out), WatchKeys.SERVICES);
  }

  public static Result<List<ServiceInstance>> service(Tables t, String name, HealthFilter filter) {
    if (!t.hasService(name)) {
      return table(t, List.of(), WatchKeys.SERVICES);
    }
    List<ServiceInstance> out = new ArrayList<>();
    for (Service s : t.instancesOf(name)) {
      List<Check> checks = new ArrayList<>();
      List<Check> own = new ArrayList<>();
      String id = Names.fold(s.id());
      for (Check c : t.checksOn(s.node())) {
        if (c.isNodeLevel()) {
          checks.add(c);
        } else if (Names.fold(c.serviceId()).equals(id)) {
          own.add(join(c, s));
        }
      }
      checks.addAll(own);
      if (Health.keeps(checks, filter)) {
        out.add(new ServiceInstance(t.node(s.node()), s, checks));
      }
    }
    return own(t, List.copyOf(out), WatchKeys.service(name));
  }

  public static Result<NodeServices> node(Tables t, String name) {
    Node node = t.node(name);
    if (node == null) {
      return table(t, null, WatchKeys.NODES);
    }
    return own(t, new NodeServices(node, t.servicesOn(name)), WatchKeys.node(name));
  }

  public static Result<List<Check>> nodeChecks(Tables t, String name) {
    if (t.node(name) == null) {
      return table(t, List.of(), WatchKeys.NODES);
    }
    List<Check> out = new ArrayList<>();
    for (Check c : t.checksOn(name)) {
      out.add(join(t, c));
    }
    return own(t, List.copyOf(out), WatchKeys.node(name));
  }

  public static Result<List<Check>> serviceChecks(Tables t, String name) {
    if (!t.hasService(name)) {
      return table(t, List.of(), WatchKeys.SERVICES);
    }
    List<Check> out = new ArrayList<>();
    for (Service s : t.instancesOf(name)) {
      String id = Names.fold(s.id());
      for (Check c : t.checksOn(s.node())) {
        if (!c.isNodeLevel() && Names.fold(c.serviceId()).equals(id)) {
          out.add(join(c, s));
        }
      }
    }
    return own(t, List.copyOf(out), WatchKeys.service(name));
  }

  /** "any" = every check (table:checks); an unknown word answers [] at table:checks. */
  public static Result<List<Check>> checksInState(Tables t, String state) {
    boolean any = "any".equals(state);
    if (!any && !STATES.contains(state)) {
      return table(t, List.of(), WatchKeys.CHECKS);
    }
    List<Check> out = new ArrayList<>();
    for (Check c : t.checks()) {
      if (any || c.status().equals(state)) {
        out.add(join(t, c));
      }
    }
    String key = any ? WatchKeys.CHECKS : WatchKeys.state(state);
    return own(t, List.copyOf(out), key);
  }

  public static Result<KvEntry> kvGet(Tables t, String key) {
    KvEntry entry = t.kv().get(key);
    if (entry == null) {
      return table(t, null, WatchKeys.KV);
    }
    return new Result<>(copy(entry), entry.modifyIndex(), WatchKeys.kvKey(key));
  }

  public static Result<List<KvEntry>> kvList(Tables t, String prefix) {
    List<KvEntry> out = new ArrayList<>();
    for (KvEntry entry : t.kv().list(prefix)) {
      out.add(copy(entry));
    }
    boolean absent = prefix.isEmpty() || !t.kv().present(prefix);
    String key = absent ? WatchKeys.KV : WatchKeys.kvPrefix(prefix);
    return new Result<>(List.copyOf(out), WatchIndex.of(t, key), key);
  }

  /** Service name and tags are joined at read time, so a rename rewrites no check row. */
  private static Check join(Tables t, Check c) {
    if (c.isNodeLevel()) {
      return c;
    }
    Service s = t.service(RowKey.of(c.node(), c.serviceId()));
    return s == null ? c : join(c, s);
  }

  private static Check join(Check c, Service s) {
    return new Check(
        c.node(), c.checkId(), c.name(), c.status(), c.notes(), c.output(), c.serviceId(),
        s.name(), s.tags(), c.type(), c.interval(), c.timeout(), c.definition(),
        c.createIndex(), c.modifyIndex());
  }

  /** Readers must not reach the stored value array. */
  private static KvEntry copy(KvEntry e) {
    byte[] value = e.value() == null ? null : e.value().clone();
    return new KvEntry(
        e.key(), value, e.flags(), e.session(), e.lockIndex(), e.createIndex(), e.modifyIndex());
  }

  private static <T> Result<T> table(Tables t, T value, String tableKey) {
    return new Result<>(value, t.book().get(tableKey), tableKey);
  }

  private static <T> Result<T> own(Tables t, T value, String key) {
    return new Result<>(value, WatchIndex.of(t, key), key);
  }
}
