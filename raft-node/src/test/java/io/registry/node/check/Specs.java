package io.registry.node.check;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** ProbeSpecs for the probe tests. */
final class Specs {
  private Specs() {}

  static ProbeSpec http(String url, Duration timeout) {
    return http(url, "GET", Map.of(), "", false, timeout);
  }

  static ProbeSpec http(String url, String method, Map<String, List<String>> header, String body,
      boolean disableRedirects, Duration timeout) {
    return new ProbeSpec(ProbeSpec.HTTP, url, method, header, body, false, "", disableRedirects,
        "", "", false, List.of(), Duration.ofSeconds(10), timeout);
  }

  static ProbeSpec tcp(String target, Duration timeout) {
    return new ProbeSpec(ProbeSpec.TCP, "", "", Map.of(), "", false, "", false, target, "",
        false, List.of(), Duration.ofSeconds(10), timeout);
  }

  static ProbeSpec script(Duration timeout, String... args) {
    return new ProbeSpec(ProbeSpec.SCRIPT, "", "", Map.of(), "", false, "", false, "", "",
        false, List.of(args), Duration.ofSeconds(10), timeout);
  }

  static ProbeSpec grpc(String target) {
    return new ProbeSpec(ProbeSpec.GRPC, "", "", Map.of(), "", false, "", false, "", target,
        false, List.of(), Duration.ofSeconds(10), Duration.ofSeconds(5));
  }
}
