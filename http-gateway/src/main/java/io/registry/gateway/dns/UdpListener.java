package io.registry.gateway.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads datagrams on one thread and answers each on a virtual thread. At most MAX_IN_FLIGHT
 * queries are worked on at once; a datagram arriving beyond that is dropped, as a loaded DNS
 * server does, so a flood costs bounded memory and no queue grows (clients retry).
 */
final class UdpListener implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
  static final int MAX_IN_FLIGHT = 256;
  /** A query never needs more; anything longer is cut and then fails to parse. */
  private static final int MAX_QUERY = 65535;

  private final DatagramSocket socket;
  private final DnsHandler handler;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

  UdpListener(DatagramSocket socket, DnsHandler handler) {
    this.socket = socket;
    this.handler = handler;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[MAX_QUERY];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.debug("DNS UDP receive failed", e);
        }
        continue;
      }
      if (!inFlight.tryAcquire()) {
        continue;
      }
      byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
      SocketAddress client = packet.getSocketAddress();
      Thread.ofVirtual().name("dns-udp-query").start(() -> answer(query, client));
    }
  }

  private void answer(byte[] query, SocketAddress client) {
    try {
      byte[] reply = handler.handle(query, false);
      if (reply != null) {
        socket.send(new DatagramPacket(reply, reply.length, client));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("DNS UDP reply to {} failed", client, e);
    } finally {
      inFlight.release();
    }
  }
}
