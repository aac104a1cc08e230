package io.registry.gateway.http;

import io.registry.catalog.Catalog;
import io.registry.catalog.model.Result;
import io.registry.node.api.Consistency;
import io.registry.node.api.RaftStatus;
import io.registry.node.api.RegistryNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs catalog reads in a consistency mode and, with ?index, as blocking queries (§2.9):
 * evaluate; answer when the result index passed the requested one; else park on the
 * result's watch key (no thread held), re-evaluate on wake-up, until the deadline, when the
 * current data is answered. The watch future is cancelled on timeout so waiters never leak.
 */
public final class BlockingReads {
  static final Duration DEFAULT_QUERY_TIME = Duration.ofSeconds(300);
  static final Duration MAX_QUERY_TIME = Duration.ofSeconds(600);
  // Agent-local state changes only through this node's own API calls and TTL timers; a
  // quarter second is well inside what hash-blocking clients (Connect proxies) expect.
  static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final RegistryNode node;
  private final ScheduledExecutorService timer;

  public BlockingReads(RegistryNode node, ScheduledExecutorService timer) {
    this.node = node;
    this.timer = timer;
  }

  /** The mode actually used: max_stale falls back to the leader when contact is too old. */
  public Consistency effective(ReadOptions o) {
    if (o.maxStale() != null && node.raftStatus().lastContactMs() > o.maxStale().toMillis()) {
      return Consistency.DEFAULT;
    }
    return o.consistency();
  }

  public <T> CompletableFuture<Result<T>> run(ReadOptions o, Function<Catalog, Result<T>> query) {
    Consistency c = effective(o);
    if (o.index() == 0) {
      return node.read(c, query);
    }
    long deadline = System.nanoTime() + timeout(o.waitTime()).toNanos();
    CompletableFuture<Result<T>> out = new CompletableFuture<>();
    round(c, query, o.index(), deadline, out);
    return out;
  }

  private <T> void round(
      Consistency c,
      Function<Catalog, Result<T>> query,
      long seen,
      long deadline,
      CompletableFuture<Result<T>> out) {
    node.read(c, query).whenComplete((r, err) -> {
      if (err != null) {
        out.completeExceptionally(err);
        return;
      }
      long left = deadline - System.nanoTime();
      // Unsigned comparison: indexes are uint64 on the wire.
      if (Long.compareUnsigned(r.index(), seen) > 0 || left <= 0) {
        out.complete(r);
        return;
      }
      CompletableFuture<Void> watch = node.watch(r.watchKey(), seen);
      AtomicReference<ScheduledFuture<?>> timeout = new AtomicReference<>();
      timeout.set(timer.schedule(() -> {
        watch.cancel(false);
        // Timed out: answer the current data with its (unchanged) index.
        node.read(c, query).whenComplete((last, e2) -> {
          if (e2 != null) {
            out.completeExceptionally(e2);
          } else {
            out.complete(last);
          }
        });
      }, left, TimeUnit.NANOSECONDS));
      watch.whenComplete((v, e) -> {
        if (watch.isCancelled()) {
          return;
        }
        ScheduledFuture<?> t = timeout.get();
        if (t != null && !t.cancel(false)) {
          return; // the timeout already answers
        }
        if (e != null) {
          out.completeExceptionally(e);
        } else {
          round(c, query, seen, deadline, out);
        }
      });
      // A client that went away completes `out` exceptionally; stop waiting for it.
      out.whenComplete((v, e) -> {
        watch.cancel(false);
        ScheduledFuture<?> t = timeout.get();
        if (t != null) {
          t.cancel(false);
        }
      });
    });
  }

  /**
   * Hash blocking for agent-local data (§2.9 rule 8), which has no index: re-probes on the
   * shared timer until the value changed or the wait ran out. No thread is held between probes.
   */
  public <T> CompletableFuture<T> poll(Supplier<T> probe, Predicate<T> changed, Duration wait) {
    long deadline = System.nanoTime() + timeout(wait).toNanos();
    CompletableFuture<T> out = new CompletableFuture<>();
    pollRound(probe, changed, deadline, out);
    return out;
  }

  private <T> void pollRound(Supplier<T> probe, Predicate<T> changed, long deadline, CompletableFuture<T> out) {
    try {
      T v = probe.get();
      if (changed.test(v) || System.nanoTime() >= deadline) {
        out.complete(v);
        return;
      }
      long next = Math.min(POLL_INTERVAL.toNanos(), Math.max(0, deadline - System.nanoTime()));
      timer.schedule(() -> pollRound(probe, changed, deadline, out), next, TimeUnit.NANOSECONDS);
    } catch (Throwable t) {
      out.completeExceptionally(t);
    }
  }

  /** wait absent or <= 0: 300 s; capped at 600 s; plus jitter in [0, timeout/16). */
  static Duration timeout(Duration wait) {
    Duration t = wait == null || wait.isZero() || wait.isNegative() ? DEFAULT_QUERY_TIME : wait;
    if (t.compareTo(MAX_QUERY_TIME) > 0) {
      t = MAX_QUERY_TIME;
    }
    long jitterBound = t.toNanos() / 16;
    long jitter = jitterBound > 0 ? ThreadLocalRandom.current().nextLong(jitterBound) : 0;
    return t.plusNanos(jitter);
  }

  /** X-Consul-Index, -Knownleader, -Lastcontact (and Effective-Consistency when asked). */
  public Map<String, String> headers(long index, Consistency used, boolean consistencyHeader) {
    RaftStatus s = node.raftStatus();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Consul-Index", Long.toUnsignedString(index == 0 ? 1 : index));
    h.put("X-Consul-Knownleader", Boolean.toString(s.knownLeader()));
    h.put("X-Consul-Lastcontact", Long.toString(s.lastContactMs()));
    if (consistencyHeader) {
      h.put("X-Consul-Effective-Consistency", ReadOptions.label(used));
    }
    return h;
  }
}
