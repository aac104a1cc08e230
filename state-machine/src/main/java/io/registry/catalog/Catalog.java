package io.registry.catalog;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.NodeServices;
import io.registry.catalog.model.Result;
import io.registry.catalog.model.ServiceInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

  /** Applies one committed command at log index {@code index} (strictly increasing). */
  public ApplyResult apply(long index, Command command) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Records that a log entry without a command (Raft config, no-op) was applied. */
  public void skip(long index) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** The log index of the last applied entry, 0 before any. */
  public long appliedIndex() {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** The cluster ID set by InitCluster, "" before it. */
  public String clusterId() {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** All nodes in name order. Wait key table:nodes. */
  public Result<List<Node>> nodes() {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Service name to its sorted, deduplicated tags, in name order. Wait key table:services. */
  public Result<Map<String, List<String>>> services() {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /**
   * Instances of a service (name matched case-insensitively), by node then service ID, each
   * with the node's node-level checks and its own checks, kept by the one health rule.
   * Unknown name: empty list, table:services index and wait key.
   */
  public Result<List<ServiceInstance>> service(String name, HealthFilter filter) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** A node and its services; value null for an unknown node (index of table:nodes). */
  public Result<NodeServices> node(String name) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Every check of a node, node-level and service ones, in check ID order. */
  public Result<List<Check>> nodeChecks(String node) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** The service checks of every instance of a service. */
  public Result<List<Check>> serviceChecks(String service) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Checks in a state (passing, warning, critical), or all for "any"; other words: empty. */
  public Result<List<Check>> checksInState(String state) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** One key; value null when absent (index of table:kv, wait key table:kv). */
  public Result<KvEntry> kvGet(String key) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Every key starting with prefix, in byte order; the index never lowered by deletes. */
  public Result<List<KvEntry>> kvList(String prefix) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /**
   * Completes once the index of {@code watchKey} is above {@code seenIndex} (at once if it
   * already is). Cancelling the future removes the waiter. Never completed on the caller's
   * thread while the catalog holds a lock.
   */
  public CompletableFuture<Void> watch(String watchKey, long seenIndex) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Writes the whole catalog as a versioned record stream. */
  public void writeSnapshot(OutputStream out) throws IOException {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  /** Replaces the whole catalog from a stream written by writeSnapshot; wakes every waiter. */
  public void restoreSnapshot(InputStream in) throws IOException {
    throw new UnsupportedOperationException("TODO(#3)");
  }
}
