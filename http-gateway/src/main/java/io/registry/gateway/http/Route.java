package io.registry.gateway.http;

import java.util.List;

/**
 * A route: exact path, or a prefix (pattern ending in '/') whose rest is the path parameter.
 * methods: the accepted methods, in Consul's Allow order (OPTIONS is always added).
 */
public record Route(String pattern, List<String> methods, Handler handler) {
  public Route {
    methods = List.copyOf(methods);
  }

  public boolean isPrefix() {
    return pattern.endsWith("/");
  }

  /** The Allow header: "OPTIONS,GET,PUT". */
  public String allow() {
    return "OPTIONS," + String.join(",", methods);
  }
}
