package io.registry.node.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Collections;

/** Address choices made once at start: what we advertise and which ports we take. */
public final class NodeAddresses {
  private NodeAddresses() {}

  /**
   * The address others should use: the bind address, unless it is a wildcard, then the first
   * site-local IPv4 of an up interface, else 127.0.0.1.
   */
  public static String advertise(String bindAddress) {
    if (bindAddress != null && !bindAddress.isBlank() && !isWildcard(bindAddress)) {
      return bindAddress;
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // Fall through to loopback: a node that cannot list interfaces still runs locally.
    }
    return "127.0.0.1";
  }

  static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
  }

  /**
   * {@code port} itself, or for 0 a port that was free on {@code host} a moment ago. Ratis
   * needs the number up front because the peer's address is part of the group.
   */
  static int portOrFree(String host, int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host == null || host.isBlank() ? "0.0.0.0" : host, 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on " + host, e);
    }
  }
}
