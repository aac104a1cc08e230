package io.registry.node.check;

/** host:port of a TCP or gRPC target; IPv6 hosts in brackets ([::1]:80). */
record HostPort(String host, int port) {
  /** Parses the target; IllegalArgumentException with a readable reason when it is not one. */
  static HostPort parse(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException("address " + target + ": missing port in address");
    }
    String host = target.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("address " + target + ": invalid port");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("address " + target + ": invalid port");
    }
    return new HostPort(host, port);
  }
}
