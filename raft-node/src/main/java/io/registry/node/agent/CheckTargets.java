package io.registry.node.agent;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a check probes must be probe-able: an HTTP check's URL, a TCP/UDP/gRPC check's
 * host:port. One rule for the HTTP API and config files; each caller words the error its
 * way (the API as "Invalid check: ...", files with the file and key).
 */
public final class CheckTargets {
  private CheckTargets() {}

  /** Why url is not an absolute http(s) URL with a host, or null when it is one. */
  public static String urlProblem(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return "must start with http:// or https://";
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return "has no host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a URL (" + e.getReason() + ")";
    }
  }

  /** Why address is not host:port (IPv6 hosts in brackets, port 1-65535), or null. */
  public static String hostPortProblem(String address) {
    int colon = address.lastIndexOf(':');
    boolean bracketed = address.startsWith("[");
    if (colon < 0 || (bracketed && colon < address.indexOf(']'))) {
      return "has no port (use host:port)";
    }
    String host = address.substring(0, colon);
    String port = address.substring(colon + 1);
    if (host.isEmpty()) {
      return "has no host (use host:port)";
    }
    try {
      int p = Integer.parseInt(port);
      if (p >= 1 && p <= 65535) {
        return null;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    return "has an invalid port \"" + port + "\" (use host:port, port 1-65535)";
  }

  /** gRPC targets are host:port with an optional /service after them. */
  public static String grpcProblem(String target) {
    int slash = target.indexOf('/');
    return hostPortProblem(slash < 0 ? target : target.substring(0, slash));
  }
}
