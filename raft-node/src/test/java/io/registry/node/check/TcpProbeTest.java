package io.registry.node.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP probe against a real listener, opened and then closed (§4.4). */
class TcpProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final Probes probes = new Probes(Clock.systemUTC());

  @AfterEach
  void close() {
    probes.close();
  }

  private CheckResult run(String target) throws Exception {
    return probes.create(Specs.tcp(target, TIMEOUT), 4096).run().get(20, TimeUnit.SECONDS);
  }

  @Test
  void anOpenPortPassesAndAClosedOneIsCritical() throws Exception {
    String target;
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      target = "127.0.0.1:" + listener.getLocalPort();
      assertThat(run(target)).isEqualTo(CheckResult.passing("TCP connect " + target + ": Success"));
    }

    CheckResult r = run(target);

    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).startsWith("TCP connect " + target + ": 127.0.0.1: ")
        .containsIgnoringCase("refused");
  }

  @Test
  void aHostNameTriesEachResolvedAddress() throws Exception {
    // Listening on IPv4 loopback only: "localhost" may resolve to ::1 first, which refuses.
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      String target = "localhost:" + listener.getLocalPort();
      assertThat(run(target).status()).isEqualTo("passing");
    }
  }

  @Test
  void anAddressWithoutAPortIsCritical() throws Exception {
    assertThat(run("127.0.0.1")).isEqualTo(CheckResult.critical(
        "TCP connect 127.0.0.1: address 127.0.0.1: missing port in address"));
  }
}
