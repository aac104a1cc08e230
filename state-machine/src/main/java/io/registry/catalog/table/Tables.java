package io.registry.catalog.table;

import io.registry.catalog.index.IndexBook;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Member;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole replicated state: tables, the secondary index by service name, the index book,
 * the applied index and the cluster ID. Plain storage; index effects live in catalog.apply.
 * Not thread-safe: the catalog's read-write lock guards it.
 */
public final class Tables {
  private final TreeMap<String, Node> nodes = new TreeMap<>();
  private final TreeMap<RowKey, Service> services = new TreeMap<>();
  private final TreeMap<String, TreeSet<RowKey>> servicesByName = new TreeMap<>();
  private final TreeMap<RowKey, Check> checks = new TreeMap<>();
  private final KvTable kv = new KvTable();
  private final TreeMap<String, Member> members = new TreeMap<>();
  private final IndexBook book = new IndexBook();
  private long appliedIndex;
  private String clusterId = "";

  public IndexBook book() {
    return book;
  }

  public KvTable kv() {
    return kv;
  }

  public long appliedIndex() {
    return appliedIndex;
  }

  public void appliedIndex(long index) {
    appliedIndex = index;
  }

  public String clusterId() {
    return clusterId;
  }

  public void clusterId(String id) {
    clusterId = id;
  }

  // ---- nodes, keyed by fold(name)

  public Node node(String name) {
    return nodes.get(Names.fold(name));
  }

  public void putNode(Node node) {
    nodes.put(Names.fold(node.name()), node);
  }

  public void removeNode(String name) {
    nodes.remove(Names.fold(name));
  }

  public Collection<Node> nodes() {
    return nodes.values();
  }

  // ---- members, keyed by fold(name)

  public Member member(String name) {
    return members.get(Names.fold(name));
  }

  public void putMember(Member member) {
    members.put(Names.fold(member.name()), member);
  }

  public void removeMember(String name) {
    members.remove(Names.fold(name));
  }

  public Collection<Member> members() {
    return members.values();
  }

  // ---- services, keyed by (fold(node), fold(id)), with the by-name index

  public Service service(RowKey key) {
    return services.get(key);
  }

  /** Upserts, moving the row between name sets when the name changed. */
  public void putService(Service service) {
    RowKey key = RowKey.of(service.node(), service.id());
    Service old = services.put(key, service);
    if (old != null) {
      unindex(old.name(), key);
    }
    servicesByName.computeIfAbsent(Names.fold(service.name()), n -> new TreeSet<>()).add(key);
  }

  public void removeService(RowKey key) {
    Service old = services.remove(key);
    if (old != null) {
      unindex(old.name(), key);
    }
  }

  /** A node's services in service-ID order. */
  public List<Service> servicesOn(String node) {
    String folded = Names.fold(node);
    return new ArrayList<>(services.subMap(RowKey.first(folded), RowKey.after(folded)).values());
  }

  /** Instances of a service name, by node then service ID; empty when absent. */
  public List<Service> instancesOf(String name) {
    NavigableSet<RowKey> keys = servicesByName.get(Names.fold(name));
    List<Service> out = new ArrayList<>();
    if (keys != null) {
      for (RowKey key : keys) {
        out.add(services.get(key));
      }
    }
    return out;
  }

  public boolean hasService(String name) {
    return servicesByName.containsKey(Names.fold(name));
  }

  /** Folded service names in order, each with its instances' keys. */
  public SortedMap<String, TreeSet<RowKey>> servicesByName() {
    return servicesByName;
  }

  public Collection<Service> services() {
    return services.values();
  }

  // ---- checks, keyed by (fold(node), fold(checkId))

  public Check check(RowKey key) {
    return checks.get(key);
  }

  public void putCheck(Check check) {
    checks.put(RowKey.of(check.node(), check.checkId()), check);
  }

  public void removeCheck(RowKey key) {
    checks.remove(key);
  }

  /** A node's checks in check-ID order. */
  public List<Check> checksOn(String node) {
    String folded = Names.fold(node);
    return new ArrayList<>(checks.subMap(RowKey.first(folded), RowKey.after(folded)).values());
  }

  public Collection<Check> checks() {
    return checks.values();
  }

  private void unindex(String name, RowKey key) {
    String folded = Names.fold(name);
    TreeSet<RowKey> set = servicesByName.get(folded);
    if (set != null && set.remove(key) && set.isEmpty()) {
      servicesByName.remove(folded);
    }
  }
}
