package io.registry.gateway.ui;

import io.registry.gateway.http.ApiResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The web UI's route (architecture.md "Gateways"): static files under /ui/assets/, and
 * index.html for /ui/ and every other path under it, so that the single-page app's own URLs
 * (/ui/services/web, /ui/kv/config/app/) can be bookmarked and reloaded. The app routes with
 * the History API; this class only has to answer every such deep link with the same page.
 *
 * <p>Caching: every answer says "no-cache" with an ETag, so a browser revalidates each time
 * (a 304 when nothing changed) and never runs an old app against a newer agent.
 */
public final class WebUi {
  /** Where GET / sends the browser when the UI is on. */
  public static final String HOME = "/ui/";
  private static final String PREFIX = "/ui/";
  private static final String ASSETS = "assets/";
  // The app loads only its own scripts and styles and talks only to this agent.
  private static final String CSP = "default-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private final UiFiles files;

  private WebUi(UiFiles files) {
    this.files = files;
  }

  /** The UI whose files ship in this jar under ui/. */
  public static WebUi fromClasspath() {
    return new WebUi(new UiFiles(WebUi.class.getClassLoader(), "ui/"));
  }

  /** True for the paths this class answers: /ui and everything under /ui/. */
  public static boolean owns(String path) {
    return path.equals("/ui") || path.startsWith(PREFIX);
  }

  /**
   * Answers one request for a path {@link #owns} accepts.
   *
   * @param path the percent-decoded request path
   * @param header request header lookup (If-None-Match)
   */
  public ApiResponse serve(String method, String path, Function<String, String> header) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      int status = method.equals("OPTIONS") ? 200 : 405;
      ApiResponse r = status == 200 ? ApiResponse.empty()
          : ApiResponse.text(405, "method " + method + " not allowed");
      return r.withHeader("Allow", "OPTIONS,GET,HEAD");
    }
    if (path.equals("/ui")) {
      return ApiResponse.raw(301, new byte[0], null).withHeader("Location", HOME);
    }
    String rest = path.substring(PREFIX.length());
    Optional<StaticFile> file = rest.startsWith(ASSETS)
        ? files.get(rest)
        : files.get("index.html");
    if (file.isEmpty()) {
      return ApiResponse.text(404, "Not found: " + path);
    }
    return answer(file.get(), header.apply("If-None-Match"));
  }

  private static ApiResponse answer(StaticFile f, String ifNoneMatch) {
    Map<String, String> headers = Map.of(
        "ETag", f.etag(),
        "Cache-Control", "no-cache",
        "X-Content-Type-Options", "nosniff",
        "Content-Security-Policy", CSP,
        "Referrer-Policy", "no-referrer");
    if (ifNoneMatch != null && matches(ifNoneMatch, f.etag())) {
      return ApiResponse.raw(304, new byte[0], null).withHeaders(headers);
    }
    return ApiResponse.raw(200, f.bytes(), f.contentType()).withHeaders(headers);
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
