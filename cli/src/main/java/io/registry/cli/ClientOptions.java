package io.registry.cli;

import io.registry.cli.http.ConsulHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Flags every client verb shares (§15): where the agent is, which token, which
 * datacenter, and whether stale reads are fine. Environment variables are Consul's, so a
 * shell set up for `consul` works unchanged.
 */
public final class ClientOptions {
  @Option(names = {"-http-addr", "--http-addr"}, paramLabel = "<addr>",
      description = "Agent HTTP address (env CONSUL_HTTP_ADDR, default 127.0.0.1:8500).")
  String httpAddr;

  @Option(names = {"-token", "--token"}, paramLabel = "<token>",
      description = "ACL token (env CONSUL_HTTP_TOKEN).")
  String token;

  @Option(names = {"-token-file", "--token-file"}, paramLabel = "<file>",
      description = "File holding the ACL token (env CONSUL_HTTP_TOKEN_FILE).")
  Path tokenFile;

  @Option(names = {"-datacenter", "--datacenter"}, paramLabel = "<dc>",
      description = "Datacenter to query (default: the agent's).")
  String datacenter;

  @Option(names = {"-stale", "--stale"}, arity = "0..1", fallbackValue = "true",
      description = "Allow any server to answer reads, even without a leader.")
  boolean stale;

  /** Environment lookup, replaceable in tests. */
  Map<String, String> env = System.getenv();

  public String address() {
    if (httpAddr != null && !httpAddr.isBlank()) {
      return httpAddr;
    }
    return env.getOrDefault("CONSUL_HTTP_ADDR", ConsulHttp.DEFAULT_ADDRESS);
  }

  /** Flag, then token file flag, then CONSUL_HTTP_TOKEN, then CONSUL_HTTP_TOKEN_FILE. */
  public String token() {
    if (token != null) {
      return token;
    }
    if (tokenFile != null) {
      return readToken(tokenFile);
    }
    if (env.containsKey("CONSUL_HTTP_TOKEN")) {
      return env.get("CONSUL_HTTP_TOKEN");
    }
    String file = env.get("CONSUL_HTTP_TOKEN_FILE");
    return file == null || file.isBlank() ? "" : readToken(Path.of(file));
  }

  private static String readToken(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new CliException("Error reading token file " + file + ": " + e.getMessage());
    }
  }

  public ConsulHttp client() {
    return new ConsulHttp(address(), token());
  }

  /**
   * The query string for a read or write: the verb's own parameters (already escaped,
   * `name` or `name=value`) followed by `dc` and `stale` when set; "" when there are none.
   */
  public String query(String... params) {
    List<String> all = new ArrayList<>();
    for (String p : params) {
      if (p != null && !p.isEmpty()) {
        all.add(p);
      }
    }
    if (datacenter != null && !datacenter.isBlank()) {
      all.add("dc=" + ConsulHttp.escapeQuery(datacenter));
    }
    if (stale) {
      all.add("stale");
    }
    return all.isEmpty() ? "" : "?" + String.join("&", all);
  }
}
