package io.registry.gateway.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Consul's route table: exact paths first, then the longest matching prefix. */
public final class Router {
  /** A matched route and its decoded path parameter. */
  public record Match(Route route, String param) {}

  private final Map<String, Route> exact = new HashMap<>();
  private final List<Route> prefixes = new ArrayList<>();

  public Router add(String pattern, Handler handler, String... methods) {
    Route r = new Route(pattern, List.of(methods), handler);
    if (r.isPrefix()) {
      prefixes.add(r);
      prefixes.sort(Comparator.comparingInt((Route x) -> x.pattern().length()).reversed());
    } else {
      exact.put(pattern, r);
    }
    return this;
  }

  public Optional<Match> match(String path) {
    Route r = exact.get(path);
    if (r != null) {
      return Optional.of(new Match(r, ""));
    }
    for (Route p : prefixes) {
      if (path.startsWith(p.pattern())) {
        return Optional.of(new Match(p, path.substring(p.pattern().length())));
      }
    }
    return Optional.empty();
  }
}
