package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.registry.cli.http.ConsulHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server processes started by scripts/start-cluster.sh: members agree on every node, a
 * service registered via node 1 is healthy on nodes 2 and 3, the leader is killed by pid and
 * a survivor still takes writes, then stop-cluster.sh leaves no process behind.
 */
@Timeout(400)
class ClusterScriptIT {
  @TempDir Path work;
  private Path base;
  private final List<Long> pids = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    if (base != null) {
      ClusterScripts.run(work, 120, "stop-cluster.sh", "--base-dir", base.toString());
    }
    // Whatever the script left (it should leave nothing): by pid, never by name.
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void threeServersFromTheScriptSurviveTheLossOfTheirLeader() {
    base = work.resolve("cluster");
    int portBase = ClusterScripts.freePortBase();
    CliRun start = ClusterScripts.run(work, 240, "start-cluster.sh", "--servers", "3",
        "--base-dir", base.toString(), "--port-base", Integer.toString(portBase));
    pids.addAll(ClusterScripts.pids(base));
    assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
    assertThat(start.out()).contains("leader").contains("node3");
    assertThat(pids).hasSize(3);

    List<ConsulHttp> http = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String addr = "127.0.0.1:" + (portBase + 10 * i);
      http.add(new ConsulHttp(addr, null));
      CliRun members = CliRun.run(work, "members", "-http-addr", addr);
      assertThat(members.exitCode()).as(members.err()).isZero();
      assertThat(members.out().lines().filter(l -> l.contains("alive") && l.contains("server")))
          .hasSize(3);
    }

    ConsulHttp.Answer registered = http.get(0).put("/v1/agent/service/register",
        "{\"Name\":\"web\",\"ID\":\"web1\",\"Port\":8080}".getBytes(StandardCharsets.UTF_8));
    assertThat(registered.status()).isEqualTo(200);
    for (int i = 1; i < 3; i++) {
      ConsulHttp h = http.get(i);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(h.get("/v1/health/service/web?passing").text()).contains("\"web1\""));
    }

    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String key = "before-kill/" + i;
      if ("true".equals(http.get(i % 3).put("/v1/kv/" + key,
          "v".getBytes(StandardCharsets.UTF_8)).text())) {
        acknowledged.add(key);
      }
    }
    assertThat(acknowledged).hasSize(6);

    // Kill the leader by its pid; a survivor takes writes again.
    String leader = http.get(0).get("/v1/status/leader").text().replace("\"", "");
    int leaderIndex = (Integer.parseInt(leader.substring(leader.indexOf(':') + 1)) - portBase) / 10;
    ProcessHandle.of(pids.get(leaderIndex)).orElseThrow().destroyForcibly();
    ConsulHttp survivor = http.get((leaderIndex + 1) % 3);
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        assertThat(survivor.put("/v1/kv/after-kill", "x".getBytes(StandardCharsets.UTF_8))
            .text()).isEqualTo("true"));
    assertThat(survivor.get("/v1/health/service/web").text()).contains("\"web1\"");
    for (String key : acknowledged) {
      assertThat(survivor.get("/v1/kv/" + key).status()).as(key).isEqualTo(200);
    }

    // The same script restarts the killed server from its data dir; it rejoins and catches up.
    CliRun restart = ClusterScripts.run(work, 240, "start-cluster.sh", "--servers", "3",
        "--base-dir", base.toString(), "--port-base", Integer.toString(portBase));
    assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
    pids.addAll(ClusterScripts.pids(base));
    ConsulHttp restarted = http.get(leaderIndex);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
        assertThat(restarted.get("/v1/kv/after-kill").status()).isEqualTo(200));
    for (String key : acknowledged) {
      assertThat(restarted.get("/v1/kv/" + key).status()).as(key).isEqualTo(200);
    }
    String restartedAddr = "127.0.0.1:" + (portBase + 10 * leaderIndex);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      CliRun m = CliRun.run(work, "members", "-http-addr", restartedAddr);
      assertThat(m.out().lines().filter(l -> l.contains("alive") && l.contains("server")))
          .hasSize(3);
    });

    // `registry leave` on another server: it exits, the other two carry on with it `left`.
    int leaving = (leaderIndex + 1) % 3;
    String leavingAddr = "127.0.0.1:" + (portBase + 10 * leaving);
    long leavingPid = ClusterScripts.pid(base.resolve("node" + (leaving + 1))).orElseThrow();
    CliRun leave = CliRun.run(work, "leave", "-http-addr", leavingAddr);
    assertThat(leave.exitCode()).as(leave.out() + leave.err()).isZero();
    assertThat(leave.out()).contains("Graceful leave complete");
    await().atMost(Duration.ofSeconds(60)).until(
        () -> ProcessHandle.of(leavingPid).map(p -> !p.isAlive()).orElse(true));
    ConsulHttp remaining = http.get((leaving + 1) % 3);
    String remainingAddr = "127.0.0.1:" + (portBase + 10 * ((leaving + 1) % 3));
    CliRun afterLeave = CliRun.run(work, "members", "-http-addr", remainingAddr);
    assertThat(afterLeave.out().lines().filter(l -> l.contains("left"))).hasSize(1)
        .allMatch(l -> l.startsWith("node" + (leaving + 1) + " "));
    assertThat(afterLeave.out().lines().filter(l -> l.contains("alive") && l.contains("server")))
        .hasSize(2);
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
        assertThat(remaining.put("/v1/kv/after-leave", "x".getBytes(StandardCharsets.UTF_8))
            .text()).isEqualTo("true"));

    CliRun stop = ClusterScripts.run(work, 120, "stop-cluster.sh", "--base-dir", base.toString());
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("pid %d", pid).isFalse();
    }
    base = null;
  }
}
