package io.registry.catalog;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.model.Member;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.NodeServices;
import io.registry.catalog.model.Result;
import io.registry.catalog.model.ServiceInstance;
import io.registry.catalog.apply.Applier;
import io.registry.catalog.index.Changes;
import io.registry.catalog.query.Queries;
import io.registry.catalog.query.WatchIndex;
import io.registry.catalog.snapshot.SnapshotReader;
import io.registry.catalog.snapshot.SnapshotWriter;
import io.registry.catalog.table.Tables;
import io.registry.catalog.watch.WatchRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The replicated catalog: nodes, services, checks and KV, with per-resource indexes and
 * waiters. One writer (the apply thread) and many readers. Pure: no clock, no I/O of its own,
 * no threads; time arrives inside commands.
 *
 * <p>Watch keys (see ../shared/design/catalog.md sec. 3): {@code table:nodes},
 * {@code table:services}, {@code table:checks}, {@code table:kv}, {@code svc:<fold(name)>},
 * {@code node:<fold(name)>}, {@code state:<status>}, {@code kvkey:<key>}, {@code kvpre:<prefix>}.
 */
public final class Catalog {
  /** Guards tables: the apply thread writes, readers copy out under the read lock. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** The whole state; replaced wholesale by a restore (under the write lock). */
  private Tables tables = new Tables();
  /** Parked watches; has its own monitor, signalled after the write lock is released. */
  private final WatchRegistry watches = new WatchRegistry();

  /** Applies one committed command at log index {@code index} (strictly increasing). */
  public ApplyResult apply(long index, Command command) {
    Changes changes;
    ApplyResult result;
    lock.writeLock().lock();
    try {
      requireNext(index);
      changes = new Changes(index, tables.book());
      result = Applier.apply(tables, changes, command);
    } finally {
      lock.writeLock().unlock();
    }
    // After unlocking: a reader either saw this write or registered before it and is woken.
    watches.signal(changes);
    return result;
  }

  /** Records that a log entry without a command (Raft config, no-op) was applied. */
  public void skip(long index) {
    lock.writeLock().lock();
    try {
      if (index > tables.appliedIndex()) {
        tables.appliedIndex(index);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The log index of the last applied entry, 0 before any. */
  public long appliedIndex() {
    return read(Tables::appliedIndex);
  }

  /** The cluster ID set by InitCluster, "" before it. */
  public String clusterId() {
    return read(Tables::clusterId);
  }

  /** All nodes in name order. Wait key table:nodes. */
  public Result<List<Node>> nodes() {
    return read(Queries::nodes);
  }

  /** Service name to its sorted, deduplicated tags, in name order. Wait key table:services. */
  public Result<Map<String, List<String>>> services() {
    return read(Queries::services);
  }

  /**
   * Instances of a service (name matched case-insensitively), by node then service ID, each
   * with the node's node-level checks and its own checks, kept by the one health rule.
   * Unknown name: empty list, table:services index and wait key.
   */
  public Result<List<ServiceInstance>> service(String name, HealthFilter filter) {
    return read(t -> Queries.service(t, name, filter));
  }

  /** A node and its services; value null for an unknown node (index of table:nodes). */
  public Result<NodeServices> node(String name) {
    return read(t -> Queries.node(t, name));
  }

  /** Every check of a node, node-level and service ones, in check ID order. */
  public Result<List<Check>> nodeChecks(String node) {
    return read(t -> Queries.nodeChecks(t, node));
  }

  /** The service checks of every instance of a service. */
  public Result<List<Check>> serviceChecks(String service) {
    return read(t -> Queries.serviceChecks(t, service));
  }

  /** Checks in a state (passing, warning, critical), or all for "any"; other words: empty. */
  public Result<List<Check>> checksInState(String state) {
    return read(t -> Queries.checksInState(t, state));
  }

  /** One key; value null when absent (index of table:kv, wait key table:kv). */
  public Result<KvEntry> kvGet(String key) {
    return read(t -> Queries.kvGet(t, key));
  }

  /** Every key starting with prefix, in byte order; the index never lowered by deletes. */
  public Result<List<KvEntry>> kvList(String prefix) {
    return read(t -> Queries.kvList(t, prefix));
  }

  /** Every member row (alive, leaving, left, failed) in name order. Wait key table:members. */
  public List<Member> members() {
    return read(t -> List.copyOf(t.members()));
  }

  /** One member row by node name, null when there is none (no full copy: heartbeats ask). */
  public Member member(String name) {
    return read(t -> t.member(name));
  }

  /** The current index of a watch key, as the query that handed it out reports it. */
  public long indexOf(String watchKey) {
    return read(t -> WatchIndex.of(t, watchKey));
  }

  /**
   * Completes once the index of {@code watchKey} is above {@code seenIndex} (at once if it
   * already is). Cancelling the future removes the waiter. Never completed on the caller's
   * thread while the catalog holds a lock.
   */
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    // Registered under the read lock: no apply can slip between the check and the park.
    return read(
        t ->
            WatchIndex.of(t, watchKey) > seenIndex
                ? CompletableFuture.<Void>completedFuture(null)
                : watches.add(watchKey, seenIndex));
  }

  /** How many watches are parked (tests, the catalog.waiters gauge). */
  public int waiterCount() {
    return watches.waiterCount();
  }

  /** Writes the whole catalog as a versioned record stream. */
  public void writeSnapshot(OutputStream out) throws IOException {
    lock.readLock().lock();
    try {
      SnapshotWriter.write(tables, out);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Replaces the whole catalog from a stream written by writeSnapshot; wakes every waiter. */
  public void restoreSnapshot(InputStream in) throws IOException {
    // Built beside the live state: a bad stream throws here and changes nothing.
    Tables restored = SnapshotReader.read(in);
    lock.writeLock().lock();
    try {
      tables = restored;
    } finally {
      lock.writeLock().unlock();
    }
    watches.wakeAll();
  }

  private void requireNext(long index) {
    if (index <= tables.appliedIndex()) {
      throw new IllegalStateException(
          "log index " + index + " is not after the applied index " + tables.appliedIndex());
    }
  }

  private <T> T read(Function<Tables, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(tables);
    } finally {
      lock.readLock().unlock();
    }
  }
}
