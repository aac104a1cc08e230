package io.registry.gateway.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Rcode;

/**
 * Forwards queries outside our domain to the configured recursors, in order: the next one
 * on a timeout, an I/O error or an answer other than NOERROR/NXDOMAIN (Consul's rule). The
 * client's packet goes out as it came, so its ID, flags and EDNS reach the recursor.
 */
final class Recursors {
  private static final int MAX_UDP = 65535;

  private final List<InetSocketAddress> servers;
  private final Duration timeout;

  Recursors(List<InetSocketAddress> servers, Duration timeout) {
    this.servers = List.copyOf(servers);
    this.timeout = timeout;
  }

  boolean enabled() {
    return !servers.isEmpty();
  }

  /** The first acceptable reply's bytes; null when every recursor failed. */
  byte[] forward(byte[] query) {
    for (InetSocketAddress server : servers) {
      byte[] reply = ask(server, query);
      if (reply != null) {
        int rcode = reply[3] & 0x0f;
        if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
          return reply;
        }
      }
    }
    return null;
  }

  private byte[] ask(InetSocketAddress server, byte[] query) {
    // A socket per query: its ephemeral port keeps concurrent forwards apart.
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      socket.send(new DatagramPacket(query, query.length, server));
      byte[] buffer = new byte[MAX_UDP];
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        socket.receive(p);
        // Only a reply to this query from this server counts; anything else is noise.
        if (p.getLength() >= 12 && p.getSocketAddress().equals(server)
            && buffer[0] == query[0] && buffer[1] == query[1] && (buffer[2] & 0x80) != 0) {
          return Arrays.copyOf(buffer, p.getLength());
        }
      }
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
