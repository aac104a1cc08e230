package io.registry.node.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script probe with real processes (§4.4): exit codes, output capture, timeout kill. */
class ScriptProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Probes probes = new Probes(Clock.systemUTC());

  @AfterEach
  void close() {
    probes.close();
  }

  private CheckResult run(ProbeSpec spec, int max) throws Exception {
    return probes.create(spec, max).run().get(30, TimeUnit.SECONDS);
  }

  private CheckResult sh(String script) throws Exception {
    return run(Specs.script(TIMEOUT, "sh", "-c", script), 4096);
  }

  @Test
  void exitCodesMapToStatuses() throws Exception {
    assertThat(sh("exit 0")).isEqualTo(CheckResult.passing(""));
    assertThat(sh("echo slow; exit 1")).isEqualTo(CheckResult.warning("slow\n"));
    assertThat(sh("exit 2").status()).isEqualTo("critical");
  }

  @Test
  void stdoutAndStderrAreCaptured() throws Exception {
    assertThat(sh("echo out; echo err >&2; exit 2")).isEqualTo(CheckResult.critical("out\nerr\n"));
  }

  @Test
  void longOutputKeepsTheLastBytesAndSaysSo() throws Exception {
    CheckResult r = run(Specs.script(TIMEOUT, "sh", "-c",
        "i=0; while [ $i -lt 500 ]; do echo line$i; i=$((i+1)); done"), 100);

    assertThat(r.output()).startsWith("Captured 100 of 3890 bytes\n...\n")
        .endsWith("line499\n");
  }

  @Test
  void argvIsExecutedWithoutAShell() throws Exception {
    assertThat(run(Specs.script(TIMEOUT, "echo", "$HOME", "*"), 4096))
        .isEqualTo(CheckResult.passing("$HOME *\n"));
  }

  @Test
  void aProgramThatCannotStartIsCritical() throws Exception {
    CheckResult r = run(Specs.script(TIMEOUT, "/nonexistent/check"), 4096);
    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).startsWith("Failed to start check");
  }

  @Test
  void timeoutKillsTheWholeProcessTree(@TempDir Path dir) throws Exception {
    Path pidFile = dir.resolve("child.pid");
    ProbeSpec spec = Specs.script(Duration.ofMillis(500), "sh", "-c",
        "sleep 300 & echo $! > " + pidFile + "; wait");

    CheckResult r = run(spec, 4096);

    assertThat(r).isEqualTo(CheckResult.critical("Timed out (500ms) running check"));
    long child = Long.parseLong(Files.readString(pidFile).trim());
    await().atMost(Duration.ofSeconds(10)).until(() ->
        ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
  }
}
