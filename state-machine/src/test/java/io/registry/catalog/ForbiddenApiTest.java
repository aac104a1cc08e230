package io.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Apply must be deterministic: no clocks, randomness, files, network, HTTP or Ratis
 * (catalog.md sec. 8; issue 3 "the state machine module imports no Ratis, HTTP or file API").
 */
class ForbiddenApiTest {
  private static final List<String> FORBIDDEN = List.of(
      "System.currentTimeMillis", "nanoTime", "Instant.now", "java.util.Random",
      "UUID.randomUUID", "java.io.File", "java.nio.file", "org.apache.ratis",
      "LocalDateTime.now", "Clock.system", "ThreadLocalRandom", "new Thread",
      // No HTTP or network either: the catalog is fed by raft-node and read by gateways.
      "io.javalin", "jakarta.", "org.eclipse.jetty", "java.net.", "io.grpc");

  @Test
  void mainSourcesUseNoForbiddenApi() throws IOException {
    Path root = Path.of("src/main/java");
    assertThat(root).isDirectory();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        for (String word : FORBIDDEN) {
          if (text.contains(word)) {
            hits.add(root.relativize(file) + ": " + word);
          }
        }
      }
    }
    assertThat(hits).isEmpty();
  }
}
