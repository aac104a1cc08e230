package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules over the whole source tree (the cli module sits at the top of the reactor, so it
 * is where repository-wide checks run): no Java file over 800 lines (style.md: aim for
 * under ~400; over 800 needs a reason, and none has one yet).
 */
class SourceRulesTest {
  private static final int MAX_LINES = 800;

  @Test
  void noJavaFileIsOver800Lines() throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    assertThat(repo.resolve("pom.xml")).exists();
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path file : files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !repo.relativize(p).toString().contains("target/"))
          .toList()) {
        long lines;
        try (Stream<String> s = Files.lines(file)) {
          lines = s.count();
        }
        if (lines > MAX_LINES) {
          tooLong.add(repo.relativize(file) + " (" + lines + " lines)");
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }
}
