package io.registry.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UI's HTTP side, no browser: deep links, content types, caching, traversal, GET /. */
class UiRoutingTest {
  private static UiAgent on;
  private static UiAgent off;

  @BeforeAll
  static void start() {
    on = UiAgent.start();
    off = UiAgent.on(on.node(), false);
  }

  @AfterAll
  static void stop() {
    off.closeGateway();
    on.close();
  }

  private static String type(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void rootRedirectsToTheUiWhenOnAndShowsTheBannerWhenOff() {
    HttpResponse<String> r = on.get("/");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).hasValue("/ui/");
    assertThat(on.get("/ui").headers().firstValue("Location")).hasValue("/ui/");

    HttpResponse<String> banner = off.get("/");
    assertThat(banner.statusCode()).isEqualTo(200);
    assertThat(banner.body()).startsWith("Consul Agent: UI disabled");
    assertThat(off.get("/ui/").statusCode()).isEqualTo(404);
    assertThat(off.get("/ui/assets/app.js").statusCode()).isEqualTo(404);
  }

  @Test
  void everyPageUrlIsTheSameSinglePageForBookmarksAndReloads() {
    HttpResponse<String> index = on.get("/ui/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(type(index)).startsWith("text/html");
    assertThat(index.body()).contains("<script type=\"module\" src=\"/ui/assets/app.js\">");
    for (String deep : new String[] {"/ui/services", "/ui/services/web", "/ui/nodes/n1",
        "/ui/kv/", "/ui/kv/config/app/", "/ui/kv/config/a%2Fb?q=x"}) {
      HttpResponse<String> r = on.get(deep);
      assertThat(r.statusCode()).as(deep).isEqualTo(200);
      assertThat(r.body()).as(deep).isEqualTo(index.body());
    }
  }

  @Test
  void assetsHaveTheirContentTypesAndRevalidateWithAnEtag() {
    assertThat(type(on.get("/ui/assets/app.js"))).startsWith("text/javascript");
    assertThat(type(on.get("/ui/assets/pages/kv-key.js"))).startsWith("text/javascript");
    assertThat(type(on.get("/ui/assets/app.css"))).startsWith("text/css");
    assertThat(type(on.get("/ui/assets/favicon.svg"))).isEqualTo("image/svg+xml");

    HttpResponse<String> js = on.get("/ui/assets/app.js");
    assertThat(js.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String etag = js.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = on.get("/ui/assets/app.js", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(on.get("/ui/assets/app.js", "If-None-Match", "\"other\"").statusCode())
        .isEqualTo(200);
  }

  @Test
  void onlyFilesUnderUiAssetsCanBeReached() {
    assertThat(on.get("/ui/assets/nope.js").statusCode()).isEqualTo(404);
    // Raw dot segments are refused before routing; encoded ones never match a file name.
    assertThat(on.get("/ui/assets/../../pom.xml").statusCode()).isEqualTo(400);
    assertThat(on.get("/ui/assets/%2e%2e/index.html").statusCode()).isEqualTo(404);
    assertThat(on.get("/ui/assets/%2E%2E%2F%2E%2E%2Fio/registry/gateway/ui/WebUi.class")
        .statusCode()).isEqualTo(404);
    assertThat(on.get("/ui/assets/..%5C..%5Clogback-test.xml").statusCode()).isEqualTo(404);
    assertThat(on.get("/ui/assets/.hidden.js").statusCode()).isEqualTo(404);
    assertThat(on.get("/ui/assets/pages").statusCode()).isEqualTo(404);
    assertThat(on.get("/ui/assets/WebUi.class").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyReadsAreAnswered() {
    HttpResponse<String> post = on.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(on.base() + "/ui/services")).POST(
            java.net.http.HttpRequest.BodyPublishers.ofString("x")).build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("OPTIONS,GET,HEAD");
  }

  @Test
  void theApiIsUnchangedBesideTheUi() {
    assertThat(on.get("/v1/status/leader").statusCode()).isEqualTo(200);
    assertThat(on.get("/uix").statusCode()).isEqualTo(404);
  }
}
