package io.registry.cli.http;

import io.registry.cli.CliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The thin HTTP client of the CLI, also used by the tests and scripts: one agent address,
 * an optional token, raw bytes in and out. It knows the Consul wire conventions that every
 * verb needs (address forms, the token header, key escaping) and nothing about endpoints.
 */
public final class ConsulHttp {
  /** Default agent address, as Consul's. */
  public static final String DEFAULT_ADDRESS = "127.0.0.1:8500";

  private final URI base;
  private final String token;
  private final HttpClient client;

  public ConsulHttp(String address, String token) {
    this.base = baseUri(address);
    this.token = token == null ? "" : token;
    this.client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** What a request got back. */
  public record Answer(int status, byte[] body, Optional<String> index) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
      return status / 100 == 2;
    }

    /** The answer if it is 2xx; else the CLI's one-line error naming what was being done. */
    public Answer orFail(String doing) {
      if (!ok()) {
        throw new CliException(
            "Error " + doing + ": Unexpected response code: " + status + " (" + text().strip()
                + ")");
      }
      return this;
    }
  }

  /**
   * `127.0.0.1:8500`, `http://host:port` and `https://host:port` all name an agent, as
   * CONSUL_HTTP_ADDR does; a trailing slash is ignored.
   */
  public static URI baseUri(String address) {
    String a = address == null || address.isBlank() ? DEFAULT_ADDRESS : address.strip();
    if (!a.startsWith("http://") && !a.startsWith("https://")) {
      if (a.contains("://")) {
        throw new CliException("Error: unsupported address scheme in " + a);
      }
      a = "http://" + a;
    }
    while (a.endsWith("/")) {
      a = a.substring(0, a.length() - 1);
    }
    try {
      URI uri = URI.create(a);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliException("Error: invalid HTTP address " + address + ": " + e.getMessage());
    }
  }

  public URI base() {
    return base;
  }

  public Answer get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  public Answer put(String pathAndQuery, byte[] body) {
    return send("PUT", pathAndQuery, body);
  }

  public Answer delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null);
  }

  /**
   * Sends one request. Connection failures become a CliException (exit 1) naming the
   * address, since that is what a user gets wrong most often.
   */
  public Answer send(String method, String pathAndQuery, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (!token.isEmpty()) {
      request.header("X-Consul-Token", token);
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(), response.body(), response.headers().firstValue("X-Consul-Index"));
    } catch (ConnectException e) {
      throw new CliException("Error connecting to agent at " + base + ": connection refused");
    } catch (IOException e) {
      throw new CliException("Error talking to agent at " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("Interrupted");
    }
  }

  /**
   * Escapes a KV key or other path tail: every byte outside RFC 3986's unreserved set is
   * percent-encoded, except `/`, which stays a separator as in Consul's URLs.
   */
  public static String escapePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** Escapes a query parameter value (path escaping, `/` included). */
  public static String escapeQuery(String value) {
    return escapePath(value).replace("/", "%2F");
  }
}
