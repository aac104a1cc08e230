package io.registry.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends a KV write through one agent every interval without waiting for earlier answers, so
 * that while the cluster has no leader new writes keep starting and the first one to get
 * through marks the end of the outage to within one interval. Key `prefix/seq` holds `seq`.
 */
final class Prober implements AutoCloseable {
  /** One write: when it was sent, when its answer came (or its failure), and whether it took. */
  record Probe(long seq, long sentNanos, long endNanos, boolean written) {}

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  // Bounds the connections opened while writes hang on a cluster without a leader.
  private static final int MAX_IN_FLIGHT = 64;

  private final BenchHttp http;
  private final String address;
  private final String prefix;
  private final ConcurrentLinkedQueue<Probe> done = new ConcurrentLinkedQueue<>();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private long seq; // only the timer thread touches it

  Prober(BenchHttp http, String address, String prefix, Duration interval) {
    this.http = http;
    this.address = address;
    this.prefix = prefix;
    timer.scheduleAtFixedRate(this::fire, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void fire() {
    if (!inFlight.tryAcquire()) {
      return;
    }
    long n = seq++;
    long sent = System.nanoTime();
    http.send("PUT", address, "/v1/kv/" + prefix + "/" + n, Long.toString(n), DEADLINE)
        .whenComplete((reply, failure) -> {
          done.add(new Probe(n, sent, reply == null ? System.nanoTime() : reply.endNanos(),
              reply != null && reply.written()));
          inFlight.release();
        });
  }

  /** Writes acknowledged so far. */
  long acknowledged() {
    return done.stream().filter(Probe::written).count();
  }

  /** The first acknowledged write sent at or after the given time, by answer time. */
  Optional<Probe> firstWrittenSentAfter(long nanos) {
    return done.stream().filter(p -> p.written() && p.sentNanos() >= nanos)
        .min((a, b) -> Long.compare(a.endNanos(), b.endNanos()));
  }

  /** Stops sending and waits (bounded by the write deadline) for the answers still out. */
  List<Probe> stop() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
    if (inFlight.tryAcquire(MAX_IN_FLIGHT, DEADLINE.toSeconds() + 5, TimeUnit.SECONDS)) {
      inFlight.release(MAX_IN_FLIGHT);
    }
    return new ArrayList<>(done);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
