package io.registry.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.registry.gateway.http.v1.V1Routes;
import io.registry.gateway.json.Json;
import io.registry.gateway.ui.WebUi;
import io.registry.node.api.RegistryNode;
import io.registry.node.api.ServerLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The Consul v1 HTTP API of one node. Javalin (Jetty 12) only carries bytes: one catch-all
 * handler hands every request to our own router, which does Consul's routing, 404/405/OPTIONS
 * and path decoding. Requests run on virtual threads; blocking queries complete
 * asynchronously and hold no thread while parked.
 */
public final class HttpGateway implements AutoCloseable {
  private static final String BANNER = "Consul Agent: UI disabled. To enable, set ui_config.enabled=true in the agent configuration and restart.";

  private final Javalin app;
  private final ScheduledExecutorService timer;
  private final Router router;
  private final GatewayOptions options;
  private final ApiContext api;
  // Set on a client agent only: it holds no catalog and proxies to a server.
  private final Forwarder forwarder;
  /** The web UI; null when it is off. */
  private final WebUi ui;

  private HttpGateway(RegistryNode node, GatewayOptions options) {
    this.options = options;
    this.forwarder = !node.self().server() && node instanceof ServerLocator servers
        ? new Forwarder(servers) : null;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "http-blocking-timer");
      t.setDaemon(true);
      return t;
    });
    this.api = new ApiContext(node, new BlockingReads(node, timer));
    this.router = V1Routes.build(api, options);
    this.ui = options.ui() ? WebUi.fromClasspath() : null;
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = true;
      // Blocking queries time themselves out (<= 600 s + jitter); no container timeout.
      config.http.asyncTimeout = 0L;
      config.router.ignoreTrailingSlashes = false;
      config.jetty.modifyHttpConfiguration(hc -> {
        // %2F in KV keys and service IDs is legal in Consul; we check '..' and '//' ourselves.
        hc.setUriCompliance(UriCompliance.UNSAFE);
        hc.setSendServerVersion(false);
      });
      config.jetty.modifyServletContextHandler(
          h -> h.getServletHandler().setDecodeAmbiguousURIs(true));
      for (HandlerType type : HandlerType.values()) {
        if (type.isHttpMethod()) {
          config.routes.addEndpoint(new Endpoint(type, "*", this::serve));
        }
      }
    });
  }

  /**
   * Starts serving on host:port (port 0 picks a free one) and returns once it listens.
   *
   * @param pretty pretty-print every JSON response (what -dev does)
   */
  public static HttpGateway start(RegistryNode node, String host, int port, boolean pretty) {
    return start(node, host, port, GatewayOptions.defaults(pretty));
  }

  public static HttpGateway start(RegistryNode node, String host, int port, GatewayOptions options) {
    HttpGateway gw = new HttpGateway(node, options);
    gw.app.start(host, port);
    return gw;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    timer.shutdownNow();
  }

  private void serve(Context ctx) throws Exception {
    HttpServletRequest req = ctx.req();
    if (forwarder != null && Forwarder.forwards(req.getRequestURI())) {
      forwarder.forward(ctx);
      return;
    }
    // Parsed once: the router's handlers and the encoder's ?pretty read the same params.
    QueryParams query = QueryParams.parse(req.getQueryString());
    boolean pretty = options.pretty() || query.has("pretty");
    CompletableFuture<ApiResponse> answer;
    try {
      answer = dispatch(req, query).toCompletableFuture();
    } catch (Throwable t) {
      answer = CompletableFuture.failedFuture(t);
    }
    if (answer.isDone()) {
      write(ctx, outcome(answer), pretty);
      return;
    }
    CompletableFuture<ApiResponse> pending = answer;
    ctx.future(() -> pending.handle((r, e) -> {
      write(ctx, e == null ? r : Errors.toResponse(e), pretty);
      return null;
    }));
  }

  private static ApiResponse outcome(CompletableFuture<ApiResponse> f) {
    try {
      return f.join();
    } catch (Throwable t) {
      return Errors.toResponse(t);
    }
  }

  private CompletableFuture<ApiResponse> dispatch(HttpServletRequest req, QueryParams query)
      throws Exception {
    String rawPath = req.getRequestURI();
    if (PathDecoder.isUnclean(rawPath)) {
      return done(ApiResponse.text(400, "Invalid URL path: not a clean path"));
    }
    String path = PathDecoder.decode(rawPath);
    if (PathDecoder.hasNonPrintable(path)) {
      return done(ApiResponse.raw(400, new byte[0], null));
    }
    String method = req.getMethod();
    if (path.equals("/")) {
      if (!method.equals("GET")) {
        return done(ApiResponse.text(405, "method " + method + " not allowed"));
      }
      return done(ui == null ? ApiResponse.text(200, BANNER)
          : ApiResponse.raw(301, new byte[0], null).withHeader("Location", WebUi.HOME));
    }
    if (ui != null && WebUi.owns(path)) {
      return done(ui.serve(method, path, req::getHeader));
    }
    Router.Match m = router.match(path).orElse(null);
    if (m == null) {
      return done(ApiResponse.text(404, "Invalid URL path: not a recognized HTTP API endpoint"));
    }
    Route route = m.route();
    if (method.equals("OPTIONS")) {
      return done(ApiResponse.empty().withHeader("Allow", route.allow()));
    }
    if (!route.methods().contains(method)) {
      return done(ApiResponse.text(405, "method " + method + " not allowed")
          .withHeader("Allow", route.allow()));
    }
    checkScope(req, query);
    ApiRequest r = new ApiRequest(method, path, m.param(), query, req::getHeader,
        req.getContentLengthLong(), body(req));
    return route.handler().handle(r).toCompletableFuture();
  }

  private void checkScope(HttpServletRequest req, QueryParams query) {
    if (!query.getOr("ns", "").isEmpty()) {
      throw HttpError.badRequest(
          "Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature");
    }
    String nsHeader = req.getHeader("X-Consul-Namespace");
    if (nsHeader != null && !nsHeader.isEmpty()) {
      throw HttpError.badRequest(
          "Invalid header: \"X-Consul-Namespace\" - Namespaces are a Consul Enterprise feature");
    }
    String dc = query.getOr("dc", "");
    if (!dc.isEmpty() && !dc.equals(api.datacenter())) {
      throw HttpError.internal("No path to datacenter");
    }
  }

  private static InputStream body(HttpServletRequest req) throws IOException {
    return req.getInputStream();
  }

  private static CompletableFuture<ApiResponse> done(ApiResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  private static void write(Context ctx, ApiResponse r, boolean pretty) {
    ctx.status(r.status());
    ctx.header("X-Consul-Default-Acl-Policy", "allow");
    r.headers().forEach(ctx::header);
    byte[] body = r.json() != null ? Json.encode(r.json(), pretty) : r.body();
    if (r.contentType() != null) {
      ctx.contentType(r.contentType());
    }
    if (r.afterSent() == null) {
      ctx.result(body == null ? new byte[0] : body);
      return;
    }
    try {
      if (body != null && body.length > 0) {
        ctx.res().getOutputStream().write(body);
      }
      ctx.res().flushBuffer();
    } catch (IOException e) {
      // The client went away; what it asked for still happens.
    }
    r.afterSent().run();
  }
}
