package io.registry.gateway.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * A tiny upstream DNS server on loopback for recursor tests: answers every question with
 * one A record, or (silent) never answers at all.
 */
final class LoopbackResolver implements AutoCloseable {
  private final DatagramSocket socket;
  private final byte[] address;
  private final AtomicInteger queries = new AtomicInteger();

  private LoopbackResolver(DatagramSocket socket, byte[] address) {
    this.socket = socket;
    this.address = address;
  }

  /** Answers A address to everything; null address = receives and never replies. */
  static LoopbackResolver start(byte[] address) {
    try {
      DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      LoopbackResolver r = new LoopbackResolver(socket, address);
      Thread.ofPlatform().daemon().name("loopback-resolver").start(r::serve);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  int queries() {
    return queries.get();
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        socket.receive(p);
        queries.incrementAndGet();
        if (address == null) {
          continue;
        }
        Message query = new Message(java.util.Arrays.copyOf(buffer, p.getLength()));
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.RA);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        reply.addRecord(new ARecord(query.getQuestion().getName(), DClass.IN, 60, address),
            Section.ANSWER);
        byte[] out = reply.toWire();
        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
      } catch (IOException e) {
        // closed, or a packet it could not read: keep serving until closed
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
