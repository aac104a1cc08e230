package io.registry.grpc.resolver;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A parsed {@code registry://host:port/service[?tag=t&passing=true]} target.
 *
 * @param registry host:port of the registry's public gRPC API (the target's authority)
 * @param service the service whose healthy instances the channel should use
 * @param tag only instances with this tag; "" for all
 * @param passing true: passing instances only; false: passing and warning (the default)
 */
public record RegistryTarget(String registry, String service, String tag, boolean passing) {

  public RegistryTarget {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException(
          "registry target needs the registry's address: registry://host:port/service");
    }
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException(
          "registry target needs a service name: registry://host:port/service");
    }
    tag = tag == null ? "" : tag;
  }

  /** Parses a target URI of the registry scheme; IllegalArgumentException says what is wrong. */
  public static RegistryTarget parse(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String service = path.startsWith("/") ? path.substring(1) : path;
    if (service.contains("/")) {
      throw new IllegalArgumentException("registry target path must be one service name: " + uri);
    }
    String tag = "";
    boolean passing = false;
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        switch (key) {
          case "tag" -> tag = value;
          // Bare "?passing" means true, as in the HTTP API.
          case "passing" -> passing = value.isEmpty() || Boolean.parseBoolean(value);
          default -> throw new IllegalArgumentException(
              "unknown registry target parameter '" + key + "' (use tag, passing): " + uri);
        }
      }
    }
    return new RegistryTarget(uri.getAuthority(), service, tag, passing);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
