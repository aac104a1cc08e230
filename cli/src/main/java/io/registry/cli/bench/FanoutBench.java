package io.registry.cli.bench;

import io.registry.cli.CliException;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `registry bench fanout`: K blocking queries wait on one key, one write changes it; the wake
 * latency of a query is from sending the write to that query's answer, so it includes the
 * write's own commit. Repeated R times; prints each round and the medians.
 */
@Command(name = "fanout", description = "Blocking queries on one key woken by one write.")
public final class FanoutBench extends Verb {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Option(names = {"-http-addr", "--http-addr"}, split = ",", paramLabel = "<addr>",
      description = "Agents to watch through, query i uses address i mod count; the write goes"
          + " to the first (repeatable or comma-separated; default 127.0.0.1:8500).")
  List<String> addresses = new ArrayList<>();

  @Option(names = {"-watchers", "--watchers"}, paramLabel = "<k>", defaultValue = "100",
      description = "Blocking queries per round (default 100).")
  int watchers;

  @Option(names = {"-rounds", "--rounds"}, paramLabel = "<r>", defaultValue = "10",
      description = "Writes, each waking every query (default 10).")
  int rounds;

  @Option(names = {"-settle", "--settle"}, paramLabel = "<d>", defaultValue = "1s",
      description = "Time the queries get to reach the server before the write (default 1s).")
  String settle;

  @Option(names = {"-key", "--key"}, paramLabel = "<key>", defaultValue = "bench/fanout",
      description = "Key watched and written (default bench/fanout).")
  String key;

  public FanoutBench(Console console) {
    super(console);
  }

  List<String> addresses() {
    return addresses.isEmpty() ? List.of("127.0.0.1:8500") : addresses;
  }

  @Override
  public Integer call() throws InterruptedException {
    int k = BenchCommand.atLeastOne("-watchers", watchers);
    int r = BenchCommand.atLeastOne("-rounds", rounds);
    Duration settleTime = BenchCommand.positive("-settle", settle);
    List<String> targets = addresses();
    BenchHttp http = new BenchHttp();
    String path = "/v1/kv/" + ConsulHttp.escapePath(key);
    console.out().printf(Locale.ROOT, "fanout: %d blocking queries through %s, %d rounds%n",
        k, String.join(",", targets), r);

    Samples all = new Samples();
    Samples roundMedians = new Samples();
    int early = 0;
    int lost = 0;
    for (int round = 1; round <= r; round++) {
      BenchHttp.Reply current = http.put(targets.get(0), path, "round-" + round + "-start",
          Duration.ofSeconds(10));
      if (!current.written()) {
        throw new CliException("Error: writing " + key + " through " + targets.get(0) + ": "
            + current.status() + " " + current.body());
      }
      long index = http.get(targets.get(0), path, Duration.ofSeconds(10)).index();
      List<CompletableFuture<BenchHttp.Reply>> queries = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        queries.add(http.send("GET", targets.get(i % targets.size()),
            path + "?index=" + index + "&wait=" + WAIT.toSeconds() + "s", null,
            WAIT.plusSeconds(10)));
      }
      // No answer says a query is parked; giving them time is the only way from outside.
      Thread.sleep(settleTime.toMillis());
      int answeredEarly = (int) queries.stream().filter(CompletableFuture::isDone).count();
      long sent = System.nanoTime();
      BenchHttp.Reply write = http.put(targets.get(0), path, "round-" + round,
          Duration.ofSeconds(10));
      Samples woken = new Samples();
      for (CompletableFuture<BenchHttp.Reply> q : queries) {
        BenchHttp.Reply reply = q.join(); // each has its own deadline
        if (reply.endNanos() < sent) {
          continue; // counted in answeredEarly
        }
        if (reply.ok() && reply.index() > index) {
          woken.add(reply.endNanos() - sent);
        } else {
          lost++;
        }
      }
      early += answeredEarly;
      all.addAll(woken);
      roundMedians.add(woken.median());
      console.out().printf(Locale.ROOT,
          "  round %2d: %d woken, median %s, max %s (the write itself: %s)%s%n", round,
          woken.size(), Samples.ms(woken.median()), Samples.ms(woken.percentile(100)),
          Samples.ms(write.endNanos() - sent),
          answeredEarly > 0 ? ", " + answeredEarly + " answered before the write" : "");
    }
    console.out().printf(Locale.ROOT, "  wake latency: median %s, p99 %s over %d wake-ups;"
        + " median of round medians %s%n", Samples.ms(all.median()),
        Samples.ms(all.percentile(99)), all.size(), Samples.ms(roundMedians.median()));
    if (early > 0 || lost > 0) {
      console.out().printf(Locale.ROOT, "  %d answered before the write, %d not woken by it%n",
          early, lost);
      return 1;
    }
    return 0;
  }
}
