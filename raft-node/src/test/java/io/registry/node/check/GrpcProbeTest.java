package io.registry.node.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gRPC probe against a real grpc-java server with the standard health service (§4.4). */
class GrpcProbeTest {
  private final Probes probes = new Probes(Clock.systemUTC());
  private final HealthStatusManager health = new HealthStatusManager();
  private Server server;
  private String address;

  @BeforeEach
  void start() throws Exception {
    server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
        .addService(health.getHealthService())
        .build()
        .start();
    address = "localhost:" + server.getPort();
  }

  @AfterEach
  void stop() throws Exception {
    probes.close();
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  private CheckResult run(String target) throws Exception {
    try (Probe p = probes.create(Specs.grpc(target), 4096)) {
      return p.run().get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void servingPassesAndNotServingIsCritical() throws Exception {
    assertThat(run(address)).isEqualTo(CheckResult.passing("gRPC check " + address + ": success"));

    health.setStatus("api", ServingStatus.SERVING);
    assertThat(run(address + "/api").status()).isEqualTo("passing");

    health.setStatus("api", ServingStatus.NOT_SERVING);
    assertThat(run(address + "/api")).isEqualTo(CheckResult.critical(
        "gRPC check " + address + "/api: failed: status NOT_SERVING"));
  }

  @Test
  void anUnknownServiceIsCritical() throws Exception {
    CheckResult r = run(address + "/nope");
    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).startsWith("gRPC check " + address + "/nope: failed: NOT_FOUND");
  }

  @Test
  void aDeadServerIsCritical() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CheckResult r = run("127.0.0.1:" + port);
    assertThat(r.status()).isEqualTo("critical");
    assertThat(r.output()).startsWith("gRPC check 127.0.0.1:" + port + ": failed: UNAVAILABLE");
  }

  @Test
  void oneChannelServesEveryRunUntilClosed() throws Exception {
    Probe p = probes.create(Specs.grpc(address), 4096);
    assertThat(p.run().get(20, TimeUnit.SECONDS).status()).isEqualTo("passing");
    health.enterTerminalState();
    assertThat(p.run().get(20, TimeUnit.SECONDS).status()).isEqualTo("critical");
    p.close();
    assertThat(p.run().get(20, TimeUnit.SECONDS).output()).endsWith("check stopped");
  }
}
