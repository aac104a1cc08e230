package io.registry.gateway.http;

import io.javalin.http.Context;
import io.registry.node.api.ServerLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client agent's reverse proxy (docs/catalog.md: a client holds no catalog): every request
 * that is not agent-local goes to a server's HTTP API as it came (method, raw path and query,
 * headers, body) and the answer streams back with its status and X-Consul-* headers, so
 * blocking queries and consistency modes behave as on the server. Only a failure to connect
 * moves on to the next server: a request that reached a server may have been applied.
 */
final class Forwarder {
  private static final String NO_SERVERS = "No known Consul servers";
  // Hop-by-hop headers, and those java.net.http sets itself and refuses from callers.
  private static final Set<String> SKIPPED = Set.of("connection", "content-length", "expect",
      "host", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade",
      "proxy-connection");

  private final ServerLocator servers;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  Forwarder(ServerLocator servers) {
    this.servers = servers;
  }

  /**
   * Everything under /v1/ except the agent's own endpoints. The member list and force-leave
   * are the servers': a client holds no member rows and no Raft client, and a server answers
   * force-leave with the same errors whichever agent was asked.
   */
  static boolean forwards(String rawPath) {
    return rawPath.startsWith("/v1/")
        && (!rawPath.startsWith("/v1/agent/") || rawPath.equals("/v1/agent/members")
            || rawPath.startsWith("/v1/agent/force-leave/"));
  }

  /** Proxies the request; answers 500 when no server could be reached. */
  void forward(Context ctx) throws IOException, InterruptedException {
    HttpServletRequest req = ctx.req();
    byte[] body = req.getInputStream().readAllBytes();
    String target = req.getRequestURI()
        + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    for (String address : servers.serverHttpAddresses()) {
      HttpResponse<InputStream> answer;
      try {
        answer = client.send(request(req, address, target, body),
            HttpResponse.BodyHandlers.ofInputStream());
      } catch (ConnectException | HttpConnectTimeoutException e) {
        continue;
      }
      relay(ctx, answer);
      return;
    }
    ctx.status(500).contentType("text/plain; charset=utf-8")
        .result(NO_SERVERS.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest request(HttpServletRequest req, String address, String target,
      byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + address + target))
        .method(req.getMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : Collections.list(req.getHeaderNames())) {
      if (SKIPPED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : Collections.list(req.getHeaders(name))) {
        b.header(name, value);
      }
    }
    return b.build();
  }

  private static void relay(Context ctx, HttpResponse<InputStream> answer) throws IOException {
    ctx.status(answer.statusCode());
    answer.headers().map().forEach((name, values) -> {
      if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        List<String> vs = values;
        ctx.res().setHeader(name, vs.isEmpty() ? "" : vs.get(0));
        for (int i = 1; i < vs.size(); i++) {
          ctx.res().addHeader(name, vs.get(i));
        }
      }
    });
    try (InputStream in = answer.body()) {
      OutputStream out = ctx.res().getOutputStream();
      in.transferTo(out);
      ctx.res().flushBuffer();
    } catch (IOException e) {
      // The caller went away, or the server did mid-answer: nothing left to tell anyone.
    }
  }
}
