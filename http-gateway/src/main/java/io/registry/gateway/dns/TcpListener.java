package io.registry.gateway.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP (RFC 1035 4.2.2, RFC 7766): two-byte length, message, repeated on one
 * connection. Each connection runs on a virtual thread with a read timeout; beyond
 * MAX_CONNECTIONS a new connection is closed at once, so idle or slow clients cannot pile up.
 */
final class TcpListener implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
  static final int MAX_CONNECTIONS = 128;
  /** How long a connection may sit between or inside messages. */
  static final int READ_TIMEOUT_MS = 5_000;

  private final ServerSocket server;
  private final DnsHandler handler;
  private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);

  TcpListener(ServerSocket server, DnsHandler handler) {
    this.server = server;
    this.handler = handler;
  }

  @Override
  public void run() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.debug("DNS TCP accept failed", e);
        }
        continue;
      }
      if (!connections.tryAcquire()) {
        close(socket);
        continue;
      }
      Thread.ofVirtual().name("dns-tcp-conn").start(() -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        int length = in.readUnsignedShort();
        byte[] query = in.readNBytes(length);
        if (query.length < length) {
          return;
        }
        byte[] reply = handler.handle(query, true);
        if (reply == null) {
          return; // garbage without a header: nothing sensible left on this stream
        }
        out.writeShort(reply.length);
        out.write(reply);
        out.flush();
      }
    } catch (EOFException | SocketTimeoutException e) {
      // the client is done, or idle past the timeout
    } catch (IOException | RuntimeException e) {
      LOG.debug("DNS TCP connection failed", e);
    } finally {
      connections.release();
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do: the connection was refused anyway
    }
  }
}
