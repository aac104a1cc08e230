package io.registry.node.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The TCP check: connect within the timeout, trying each address the host resolves to until
 * one answers (a dual-stack name whose IPv6 side is down still passes). Connecting blocks, so
 * it runs on the blocking executor (virtual threads), never on the scheduler.
 */
final class TcpProbe implements Probe {
  private final ProbeSpec spec;
  private final Executor blocking;
  private final Clock clock;

  TcpProbe(ProbeSpec spec, Executor blocking, Clock clock) {
    this.spec = spec;
    this.blocking = blocking;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<CheckResult> run() {
    return CompletableFuture.supplyAsync(this::probe, blocking);
  }

  private CheckResult probe() {
    String prefix = "TCP connect " + spec.tcp() + ": ";
    HostPort target;
    InetAddress[] addresses;
    try {
      target = HostPort.parse(spec.tcp());
      addresses = InetAddress.getAllByName(target.host());
    } catch (IllegalArgumentException e) {
      return CheckResult.critical(prefix + e.getMessage());
    } catch (UnknownHostException e) {
      return CheckResult.critical(prefix + "no such host " + e.getMessage());
    }
    long deadline = clock.millis() + spec.effectiveTimeout().toMillis();
    String lastError = "no addresses";
    for (InetAddress address : addresses) {
      long left = deadline - clock.millis();
      if (left <= 0) {
        lastError = "i/o timeout";
        break;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, target.port()), (int) Math.min(left,
            Integer.MAX_VALUE));
        return CheckResult.passing(prefix + "Success");
      } catch (SocketTimeoutException e) {
        lastError = address.getHostAddress() + ": i/o timeout";
      } catch (IOException e) {
        lastError = address.getHostAddress() + ": " + e.getMessage();
      }
    }
    return CheckResult.critical(prefix + lastError);
  }
}
