package io.registry.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.CliException;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `registry bench failover`: a 3-server cluster of its own (scripts/start-cluster.sh in a
 * temporary base dir), written to through a follower; the leader is killed with SIGKILL by
 * its pid. Failover time: from the kill until the first acknowledged write that was sent
 * after the kill through that follower. Then every write acknowledged before the kill must
 * read back, and the killed server is restarted and waited for before the next round.
 */
@Command(name = "failover", description = "Leader SIGKILL: time until a survivor takes writes.")
public final class FailoverBench extends Verb {
  private static final int SERVERS = 3;
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Option(names = {"-rounds", "--rounds"}, paramLabel = "<r>", defaultValue = "5",
      description = "Leader kills, each followed by a restart of the killed server (default 5).")
  int rounds;

  @Option(names = {"-interval", "--interval"}, paramLabel = "<d>", defaultValue = "20ms",
      description = "A new write starts this often, answered or not (default 20ms).")
  String interval;

  @Option(names = {"-base-dir", "--base-dir"}, paramLabel = "<dir>",
      description = "Cluster dir (default: a new temporary dir, removed after a clean run).")
  Path baseDir;

  @Option(names = {"-port-base", "--port-base"}, paramLabel = "<port>",
      description = "start-cluster.sh --port-base (default: a free range above 20000).")
  Integer portBase;

  @Option(names = {"-scripts", "--scripts"}, paramLabel = "<dir>",
      description = "Dir holding start-cluster.sh (default: scripts/ of this checkout).")
  Path scripts;

  public FailoverBench(Console console) {
    super(console);
  }

  @Override
  public Integer call() throws Exception {
    int r = BenchCommand.atLeastOne("-rounds", rounds);
    Duration every = BenchCommand.positive("-interval", interval);
    Path scriptDir = scripts != null ? scripts : LocalCluster.scriptsOfThisCheckout()
        .orElseThrow(() -> new CliException("Error: scripts/start-cluster.sh not found next to"
            + " this jar; give -scripts DIR"));
    boolean temporary = baseDir == null;
    Path dir = (temporary ? Files.createTempDirectory("registry-bench-failover")
        : Files.createDirectories(baseDir)).toRealPath();
    int ports = portBase != null ? portBase : LocalCluster.freePortBase(SERVERS);
    BenchHttp http = new BenchHttp();
    Samples failovers = new Samples();
    long lostTotal = 0;
    console.out().printf(Locale.ROOT, "failover: %d servers in %s (ports from %d), a write"
        + " every %s through a follower, %d rounds%n", SERVERS, dir, ports, interval, r);
    try (LocalCluster cluster = new LocalCluster(scriptDir, dir, ports, SERVERS)) {
      cluster.start();
      for (int round = 1; round <= r; round++) {
        int leader = leaderOf(http, cluster);
        int survivor = (leader + 1) % SERVERS;
        String prefix = "bench/failover/" + System.currentTimeMillis() + "/r" + round;
        Round result = oneRound(http, cluster, leader, survivor, prefix, every);
        failovers.add(result.failoverNanos);
        lostTotal += result.lost;
        console.out().printf(Locale.ROOT, "  round %d: killed leader node%d; first write through"
            + " node%d after %s; acknowledged %d writes before the kill and %d after, %d lost%n",
            round, leader + 1, survivor + 1, Samples.seconds(result.failoverNanos),
            result.before, result.after, result.lost);
        cluster.start(); // restarts the killed server and waits until it is alive again
      }
    }
    console.out().printf(Locale.ROOT, "  failover: median %s, min %s, max %s over %d rounds;"
        + " %d acknowledged writes lost%n", Samples.seconds(failovers.median()),
        Samples.seconds(failovers.min()), Samples.seconds(failovers.percentile(100)),
        failovers.size(), lostTotal);
    if (temporary && lostTotal == 0) {
      deleteTree(dir);
    }
    return lostTotal == 0 ? 0 : 1;
  }

  private record Round(long failoverNanos, long before, long after, long lost) {}

  private Round oneRound(BenchHttp http, LocalCluster cluster, int leader, int survivor,
      String prefix, Duration every) throws InterruptedException {
    String via = cluster.httpAddress(survivor);
    long killedAt;
    List<Prober.Probe> probes;
    Optional<Prober.Probe> first;
    try (Prober prober = new Prober(http, via, prefix, every)) {
      awaitTrue("writes through node" + (survivor + 1), () -> prober.acknowledged() >= 100);
      killedAt = System.nanoTime();
      cluster.kill(leader);
      awaitTrue("a write through node" + (survivor + 1) + " after the kill",
          () -> prober.firstWrittenSentAfter(killedAt).isPresent());
      first = prober.firstWrittenSentAfter(killedAt);
      probes = prober.stop();
    }
    Map<String, String> stored = readBack(http, via, prefix);
    long before = 0;
    long after = 0;
    long lost = 0;
    // Every acknowledged write must read back; those before the kill are the ones the dead
    // leader may have been the only one to apply, had replication been wrong.
    for (Prober.Probe p : probes) {
      if (p.written()) {
        if (p.endNanos() < killedAt) {
          before++;
        } else {
          after++;
        }
        if (!Long.toString(p.seq()).equals(stored.get(prefix + "/" + p.seq()))) {
          lost++;
        }
      }
    }
    return new Round(first.orElseThrow().endNanos() - killedAt, before, after, lost);
  }

  /** Every key under prefix with its value, read (default consistency) through one agent. */
  private static Map<String, String> readBack(BenchHttp http, String via, String prefix)
      throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    BenchHttp.Reply reply;
    // Right after an election a read may still be refused; retry, bounded.
    while (!(reply = http.get(via, "/v1/kv/" + prefix + "/?recurse", Duration.ofSeconds(10)))
        .ok()) {
      if (System.nanoTime() > deadline) {
        throw new CliException("Error: reading " + prefix + " back through " + via + ": "
            + reply.status() + " " + reply.body());
      }
      Thread.sleep(100);
    }
    Map<String, String> out = new HashMap<>();
    for (JsonNode entry : Json.parse(reply.body().getBytes(StandardCharsets.UTF_8))) {
      String value = Json.text(entry, "Value");
      out.put(Json.text(entry, "Key"),
          new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The server /v1/status/leader names, asked of each in turn until one knows (bounded). */
  private static int leaderOf(BenchHttp http, LocalCluster cluster) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < SERVERS; i++) {
        BenchHttp.Reply reply = http.get(cluster.httpAddress(i), "/v1/status/leader",
            Duration.ofSeconds(2));
        int leader = reply.ok() ? cluster.nodeOfRpcAddress(reply.body()) : -1;
        if (leader >= 0) {
          return leader;
        }
      }
      Thread.sleep(100);
    }
    throw new CliException("Error: no leader within " + BOUND.toSeconds() + " s");
  }

  private interface Condition {
    boolean holds();
  }

  private static void awaitTrue(String what, Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new CliException("Error: no " + what + " within " + BOUND.toSeconds() + " s");
      }
      Thread.sleep(5);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
