package io.registry.cli.bench;

import io.registry.cli.http.ConsulHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmarks' HTTP client. Unlike the CLI's ConsulHttp, every request has a deadline:
 * a write to a cluster that just lost its leader must end as a failure the bench can count,
 * not hang the measurement.
 */
final class BenchHttp {
  /** One answer, or status 0 when the request failed without one (connection, deadline). */
  record Reply(int status, String body, long index, long endNanos) {
    boolean ok() {
      return status == 200;
    }

    /** A KV write that was applied: Consul answers `true`. */
    boolean written() {
      return status == 200 && body.strip().equals("true");
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  CompletableFuture<Reply> send(String method, String address, String pathAndQuery,
      String body, Duration deadline) {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(ConsulHttp.baseUri(address) + pathAndQuery))
        .timeout(deadline)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> {
          long end = System.nanoTime();
          if (failure != null) {
            return new Reply(0, failure.toString(), -1, end);
          }
          long index = response.headers().firstValue("X-Consul-Index")
              .map(Long::parseLong).orElse(-1L);
          return new Reply(response.statusCode(), response.body(), index, end);
        });
  }

  Reply put(String address, String pathAndQuery, String body, Duration deadline) {
    return send("PUT", address, pathAndQuery, body, deadline).join();
  }

  Reply get(String address, String pathAndQuery, Duration deadline) {
    return send("GET", address, pathAndQuery, null, deadline).join();
  }
}
