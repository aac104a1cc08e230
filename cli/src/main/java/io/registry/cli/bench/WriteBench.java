package io.registry.cli.bench;

import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `registry bench write`: N clients each PUT one key after another for a while; prints
 * acknowledged writes per second and the median and p99 latency. Each client writes its own
 * 100 keys in turn, so the store stays small however long it runs.
 */
@Command(name = "write", description = "Concurrent KV writes: throughput and latency.")
public final class WriteBench extends Verb {
  @Option(names = {"-http-addr", "--http-addr"}, split = ",", paramLabel = "<addr>",
      description = "Agents to write through, client i uses address i mod count (repeatable or"
          + " comma-separated; default 127.0.0.1:8500).")
  List<String> addresses = new ArrayList<>();

  @Option(names = {"-clients", "--clients"}, paramLabel = "<n>", defaultValue = "16",
      description = "Concurrent writers, each waiting for its answer before the next (default 16).")
  int clients;

  @Option(names = {"-duration", "--duration"}, paramLabel = "<d>", defaultValue = "10s",
      description = "How long to measure (default 10s).")
  String duration;

  @Option(names = {"-warmup", "--warmup"}, paramLabel = "<d>", defaultValue = "2s",
      description = "Writes before the measurement, not counted (default 2s).")
  String warmup;

  @Option(names = {"-value-size", "--value-size"}, paramLabel = "<bytes>", defaultValue = "64",
      description = "Bytes per value (default 64).")
  int valueSize;

  @Option(names = {"-prefix", "--prefix"}, paramLabel = "<key>", defaultValue = "bench/write",
      description = "Key prefix (default bench/write).")
  String prefix;

  public WriteBench(Console console) {
    super(console);
  }

  List<String> addresses() {
    return addresses.isEmpty() ? List.of("127.0.0.1:8500") : addresses;
  }

  @Override
  public Integer call() throws InterruptedException {
    int n = BenchCommand.atLeastOne("-clients", clients);
    Duration measured = BenchCommand.positive("-duration", duration);
    Duration warm = warmup.equals("0") ? Duration.ZERO : BenchCommand.positive("-warmup", warmup);
    BenchCommand.atLeastOne("-value-size", valueSize);
    List<String> targets = addresses();
    BenchHttp http = new BenchHttp();
    String value = "v".repeat(valueSize);

    long start = System.nanoTime();
    long measureFrom = start + warm.toNanos();
    long end = measureFrom + measured.toNanos();
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Worker w = new Worker(http, targets.get(i % targets.size()), prefix + "/" + i, value,
          measureFrom, end);
      workers.add(w);
      threads.add(Thread.ofPlatform().name("bench-write-" + i).start(w));
    }
    for (Thread t : threads) {
      // A write has a 10 s deadline, so every worker ends within that of the end time.
      t.join(measured.plus(warm).plusSeconds(30).toMillis());
    }
    Samples all = new Samples();
    long failed = 0;
    for (Worker w : workers) {
      all.addAll(w.latencies);
      failed += w.failed;
    }
    double seconds = measured.toNanos() / 1e9;
    console.out().printf(Locale.ROOT, "write: %d clients through %s for %s (after %s warm-up),"
        + " %d-byte values%n", n, String.join(",", targets), duration, warmup, valueSize);
    console.out().printf(Locale.ROOT, "  writes   %d acknowledged, %d failed%n", all.size(), failed);
    console.out().printf(Locale.ROOT, "  rate     %.1f writes/s%n", all.size() / seconds);
    console.out().printf(Locale.ROOT, "  latency  median %s, p99 %s, max %s%n",
        Samples.ms(all.median()), Samples.ms(all.percentile(99)), Samples.ms(all.percentile(100)));
    return failed == 0 ? 0 : 1;
  }

  /** One client: write, wait for the answer, repeat until the end time. */
  private static final class Worker implements Runnable {
    private final BenchHttp http;
    private final String address;
    private final String keyPrefix;
    private final String value;
    private final long measureFrom;
    private final long end;
    final Samples latencies = new Samples();
    long failed;

    Worker(BenchHttp http, String address, String keyPrefix, String value, long measureFrom,
        long end) {
      this.http = http;
      this.address = address;
      this.keyPrefix = keyPrefix;
      this.value = value;
      this.measureFrom = measureFrom;
      this.end = end;
    }

    @Override
    public void run() {
      for (long seq = 0; ; seq++) {
        long sent = System.nanoTime();
        if (sent >= end) {
          return;
        }
        String key = ConsulHttp.escapePath(keyPrefix + "/" + (seq % 100));
        BenchHttp.Reply reply = http.put(address, "/v1/kv/" + key, value, Duration.ofSeconds(10));
        // Only writes sent and answered inside the window count; the tail is cut off.
        if (sent >= measureFrom && reply.endNanos() <= end) {
          if (reply.written()) {
            latencies.add(reply.endNanos() - sent);
          } else {
            failed++;
          }
        }
      }
    }
  }
}
