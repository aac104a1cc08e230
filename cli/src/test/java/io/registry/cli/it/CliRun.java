package io.registry.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One finished run of a short-lived `registry` client command in its own JVM. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs `java -jar registry.jar args...`, stdin empty, output captured through files. */
  public static CliRun run(Path workDir, String... args) {
    List<String> command = new ArrayList<>(
        List.of(AgentProcess.javaBinary(), "-jar", AgentProcess.jar().toString()));
    command.addAll(List.of(args));
    Process process = null;
    try {
      Files.createDirectories(workDir);
      Path out = Files.createTempFile(workDir, "cli-", ".out");
      Path err = Files.createTempFile(workDir, "cli-", ".err");
      process = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("registry " + String.join(" ", args) + " did not finish");
      }
      return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
