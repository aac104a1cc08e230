package io.registry.gateway.dns;

import io.registry.node.api.RegistryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;

/**
 * The DNS interface (consul-api.md §13): UDP and TCP on one port of the client address.
 * Port 0 picks a port free for both (tests). Closing stops both listeners; queries being
 * answered finish on their own virtual threads.
 */
public final class DnsServer implements AutoCloseable {
  private static final int BIND_ATTEMPTS = 10;
  private static final int BACKLOG = 128;

  private final DatagramSocket udp;
  private final ServerSocket tcp;

  private DnsServer(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  /** Starts answering for node on host:port; fails when the port is taken. */
  public static DnsServer start(RegistryNode node, String host, int port, DnsOptions options) {
    return start(node, host, port, options, Clock.systemUTC());
  }

  /** As {@link #start(RegistryNode, String, int, DnsOptions)}; clock gives the SOA serial. */
  public static DnsServer start(RegistryNode node, String host, int port, DnsOptions options,
      Clock clock) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("DNS port must be between 0 and 65535: " + port);
    }
    DnsServer server = bind(host, port);
    DnsHandler handler = new DnsHandler(node, options, clock);
    Thread.ofPlatform().daemon().name("dns-udp-" + server.port())
        .start(new UdpListener(server.udp, handler));
    Thread.ofPlatform().daemon().name("dns-tcp-" + server.port())
        .start(new TcpListener(server.tcp, handler));
    return server;
  }

  /**
   * UDP first, then TCP on the same number. With port 0 the UDP port may be taken for TCP
   * by someone else; then both are retried on another free port.
   */
  private static DnsServer bind(String host, int port) {
    IOException last = null;
    for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
      DatagramSocket udp = null;
      try {
        udp = new DatagramSocket(new InetSocketAddress(host, port));
        ServerSocket tcp = new ServerSocket();
        try {
          tcp.setReuseAddress(true);
          tcp.bind(new InetSocketAddress(host, udp.getLocalPort()), BACKLOG);
        } catch (IOException e) {
          tcp.close();
          throw e;
        }
        return new DnsServer(udp, tcp);
      } catch (BindException e) {
        last = e;
        if (udp != null) {
          udp.close();
        }
        if (port != 0) {
          break;
        }
      } catch (IOException e) {
        if (udp != null) {
          udp.close();
        }
        throw new UncheckedIOException("cannot start DNS server on " + host + ":" + port, e);
      }
    }
    throw new UncheckedIOException("cannot start DNS server on " + host + ":" + port
        + ": " + last.getMessage(), last);
  }

  /** The port UDP and TCP listen on. */
  public int port() {
    return udp.getLocalPort();
  }

  @Override
  public void close() {
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // closing a listening socket has nothing left to report
    }
  }
}
