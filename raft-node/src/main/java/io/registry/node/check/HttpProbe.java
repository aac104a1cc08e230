package io.registry.node.check;

import io.registry.catalog.model.GoDuration;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP check: 2xx passing, 429 warning, anything else (and every error) critical. The
 * request is asynchronous on a client shared by all checks with the same TLS and redirect
 * settings, so no thread waits for a slow server.
 */
final class HttpProbe implements Probe {
  /** Headers java.net.http sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final String USER_AGENT = "Consul Health Check";
  private static final String ACCEPT = "text/plain, text/*, */*";

  private final HttpClient client;
  private final ProbeSpec spec;
  private final int outputMaxSize;

  HttpProbe(HttpClient client, ProbeSpec spec, int outputMaxSize) {
    this.client = client;
    this.spec = spec;
    this.outputMaxSize = outputMaxSize;
  }

  @Override
  public CompletableFuture<CheckResult> run() {
    Duration timeout = spec.effectiveTimeout();
    String prefix = "HTTP " + spec.method() + " " + spec.http() + ": ";
    HttpRequest request;
    try {
      request = request(timeout);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(CheckResult.critical(prefix + e.getMessage()));
    }
    return client
        .sendAsync(request, info -> new LimitedBody(outputMaxSize))
        // The request timeout ends at the response headers; this bounds the body too.
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((response, error) -> error == null
            ? verdict(prefix, response)
            : CheckResult.critical(prefix + describe(error, timeout)));
  }

  private HttpRequest request(Duration timeout) {
    HttpRequest.BodyPublisher body = spec.body().isEmpty()
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(spec.body());
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(spec.http()))
        .timeout(timeout)
        .method(spec.method(), body);
    boolean userAgent = false;
    boolean accept = false;
    for (Map.Entry<String, List<String>> h : spec.header().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (RESTRICTED.contains(name)) {
        continue;
      }
      userAgent |= name.equals("user-agent");
      accept |= name.equals("accept");
      h.getValue().forEach(v -> b.header(h.getKey(), v));
    }
    if (!userAgent) {
      b.header("User-Agent", USER_AGENT);
    }
    if (!accept) {
      b.header("Accept", ACCEPT);
    }
    return b.build();
  }

  private static CheckResult verdict(String prefix, HttpResponse<String> response) {
    int code = response.statusCode();
    String output = prefix + HttpStatusText.status(code) + " Output: " + response.body();
    if (code >= 300 && code < 400) {
      String location = response.headers().firstValue("Location").orElse("");
      if (!location.isEmpty()) {
        output = output + " (redirect to " + location + " not followed)";
      }
    }
    if (code >= 200 && code < 300) {
      return CheckResult.passing(output);
    }
    return code == 429 ? CheckResult.warning(output) : CheckResult.critical(output);
  }

  private static String describe(Throwable error, Duration timeout) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
      return "request timed out after " + GoDuration.format(timeout);
    }
    String message = e.getMessage();
    if (e instanceof ConnectException) {
      // java.net.http often leaves the message of a refused connection empty.
      return "connect failed: "
          + (message == null || message.isEmpty() ? "connection refused" : message);
    }
    return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
  }
}
