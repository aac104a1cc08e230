package io.registry.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Services, a service, nodes and a node in headless Chromium against a dev node: health as
 * registered, changes shown live (no reload), drilling down by links and by keyboard.
 */
@ExtendWith(UiBrowserExtension.class)
class ServicesUiTest {
  private static UiAgent agent;
  private static Browser browser;
  private static WebDriver driver;

  @BeforeAll
  static void start(Browser b) {
    browser = b;
    driver = b.size(1280, 900);
    agent = UiAgent.start();
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  private static String row(String service) {
    return "#services tr[data-service='" + service + "']";
  }

  private static void awaitStatus(String service, String status) {
    browser.waiter().withMessage(service + " shown " + status).until(d -> {
      var rows = d.findElements(By.cssSelector(row(service)));
      return !rows.isEmpty() && status.equals(rows.get(0).getDomAttribute("data-status"));
    });
  }

  /** The text of the first element matching css, read again if a re-render replaced it. */
  private static String text(String css) {
    return browser.waiter().until(d -> d.findElement(By.cssSelector(css)).getText());
  }

  /** Waits until the text of css satisfies a condition; the message names both. */
  private static String awaitText(String css, java.util.function.Predicate<String> ok, String what) {
    return browser.waiter().withMessage(css + ": " + what).until(d -> {
      String t = d.findElement(By.cssSelector(css)).getText();
      return ok.test(t) ? t : null;
    });
  }

  /** Follows a link that live updates may replace under the pointer, until the URL moved. */
  private static void open(String linkCss, String urlEnd) {
    browser.waiter().until(d -> {
      if (!d.getCurrentUrl().endsWith(urlEnd)) {
        d.findElement(By.cssSelector(linkCss)).click();
      }
      return d.getCurrentUrl().endsWith(urlEnd);
    });
  }

  /** Marks the current document; still marked later means the page was never reloaded. */
  private static void markDocument() {
    ((JavascriptExecutor) driver).executeScript("window.__sameDocument = true;");
  }

  private static void assertSameDocument() {
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true;"))
        .as("page was not reloaded").isEqualTo(true);
  }

  @Test
  void registeredServicesShowTheirHealthAndAFailingTtlCheckAppearsLive() {
    agent.put("/v1/agent/service/register", """
        {"Name": "billing", "ID": "billing-1", "Port": 9001, "Tags": ["v2", "eu"],
         "Check": {"CheckID": "billing-ttl", "Name": "billing heartbeat", "TTL": "10m",
                   "Status": "passing"}}""");
    agent.put("/v1/agent/service/register", """
        {"Name": "search", "Port": 9002, "Tags": ["blue"],
         "Check": {"CheckID": "search-ttl", "Name": "search ttl", "TTL": "10m",
                   "Status": "warning"}}""");
    driver.get(agent.base() + "/ui/services");
    awaitStatus("billing", "passing");
    awaitStatus("search", "warning");
    awaitText(row("billing") + " .instances", "1"::equals, "one instance");
    assertThat(text(row("billing"))).contains("v2").contains("eu").contains("passing");
    markDocument();

    long start = System.nanoTime();
    agent.put("/v1/agent/check/fail/billing-ttl?note=disk%20full", "");
    awaitStatus("billing", "critical");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertSameDocument();
    assertThat(ms).as("critical shown %d ms after the API call", ms).isLessThan(5000);
    // Failing services come first.
    String first = browser.waiter().until(d -> d.findElement(By.cssSelector("#services tbody tr"))
        .getDomAttribute("data-service"));
    assertThat(first).isEqualTo("billing");
    browser.screenshot("services");

    // Filter by tag, bookmarkable.
    WebElement filter = driver.findElement(By.id("service-filter"));
    filter.sendKeys("blue");
    browser.waiter().until(d -> d.findElements(By.cssSelector("#services tbody tr")).size() == 1);
    assertThat(driver.getCurrentUrl()).endsWith("/ui/services?filter=blue");
    filter.clear();
    filter.sendKeys("nothing-like-this");
    browser.waiter().until(d -> d.findElement(By.id("services-body")).getText()
        .contains("No service matches"));
    filter.clear();
    filter.sendKeys(Keys.BACK_SPACE);
  }

  @Test
  void aServicePageShowsInstancesChecksOutputAndWhenACriticalServiceIsRemoved() {
    agent.put("/v1/agent/service/register", """
        {"Name": "payments", "ID": "payments-1", "Address": "10.1.2.3", "Port": 7000,
         "Tags": ["primary"], "Meta": {"version": "1.4.2"},
         "Check": {"CheckID": "payments-ttl", "Name": "payments heartbeat", "TTL": "10m",
                   "Notes": "the app reports every minute", "Status": "critical",
                   "DeregisterCriticalServiceAfter": "90m"}}""");
    agent.put("/v1/agent/check/fail/payments-ttl?note=database%20unreachable", "");
    driver.get(agent.base() + "/ui/services");
    awaitStatus("payments", "critical");
    // Keyboard: focus the link and follow it with Enter.
    browser.waiter().until(d -> {
      if (!d.getCurrentUrl().endsWith("/ui/services/payments")) {
        d.findElement(By.cssSelector(row("payments") + " a")).sendKeys(Keys.ENTER);
      }
      return d.getCurrentUrl().endsWith("/ui/services/payments");
    });
    String instance = "[data-instance='payments-1']";
    awaitText(instance + " .address", "10.1.2.3:7000"::equals, "address:port");
    assertThat(text(instance)).contains("primary").contains("version").contains("1.4.2")
        .contains(UiAgent.NODE_NAME).contains("the app reports every minute");
    String check = instance + " [data-check='payments-ttl']";
    awaitText(check + " .output", "database unreachable"::equals, "the check's output");
    assertThat(text(check)).contains("critical").contains("ttl");
    String since = awaitText(check + " .since", t -> t.contains("will be removed at"), "removal");
    assertThat(since).startsWith("Critical since").contains("1h 30m");
    // The node-level serfHealth check is listed under the instance too.
    assertThat(text(instance + " [data-check='serfHealth']")).contains("passing");
    browser.screenshot("service");
  }

  @Test
  void nodesAndANodePageShowRoleStatusServicesAndChecks() {
    agent.put("/v1/agent/service/register", "{\"Name\": \"inventory\", \"Port\": 7100}");
    driver.get(agent.base() + "/ui/nodes");
    String row = "#nodes tr[data-node='" + UiAgent.NODE_NAME + "']";
    awaitText(row + " .role", "server"::equals, "role from the member tags");
    assertThat(text(row + " .member-status")).isEqualTo("alive");
    assertThat(text(row)).contains("127.0.0.1").contains("1 passing");
    browser.screenshot("nodes");

    open("#nodes tr[data-node='" + UiAgent.NODE_NAME + "'] a", "/ui/nodes/" + UiAgent.NODE_NAME);
    browser.waiter().until(d -> d.findElements(By.cssSelector("#node-body [data-instance='inventory']")).size() == 1);
    String page = text("#node-body");
    assertThat(page).contains("server").contains("alive").contains("Serf Health Status");
    browser.screenshot("node");

    open("[data-instance='inventory'] h3 a", "/ui/services/inventory");
    driver.navigate().back();
    browser.waiter().until(d -> d.getCurrentUrl().endsWith("/ui/nodes/" + UiAgent.NODE_NAME));
    browser.waiter().until(d -> !d.findElements(By.id("node-facts")).isEmpty());
  }

  /**
   * Issue 7, must show 1: GET / lands on the services page; the seed tutorial's web service,
   * whose HTTP check has nothing to answer it, is critical with the check's output, and
   * turns passing on the open page once a server answers on its port.
   */
  @Test
  void seedWebServiceTurnsFromCriticalToPassingLiveWhenItsServerStarts() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    agent.put("/v1/agent/service/register", """
        {"Name": "web", "Tags": ["extract"], "Address": "127.0.0.1", "Port": %d,
         "Check": {"CheckID": "api", "Name": "HTTP API on port %d",
                   "HTTP": "http://localhost:%d", "Interval": "1s", "Timeout": "1s"}}"""
        .formatted(port, port, port));
    driver.get(agent.base() + "/");
    browser.waiter().until(d -> d.getCurrentUrl().endsWith("/ui/services"));
    awaitStatus("web", "critical");
    open(row("web") + " a", "/ui/services/web");
    awaitText("[data-check='api'] .output", t -> !t.isBlank(), "the failing check's output");
    assertThat(text("[data-check='api']")).contains("critical").contains("http");
    browser.screenshot("must-show-web-critical");
    markDocument();

    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      browser.waiter().withMessage("web check passing").until(d -> d.findElement(
          By.cssSelector("[data-check='api']")).getDomAttribute("class").contains("passing"));
      awaitText("[data-check='api'] .output", t -> t.contains("200"), "the passing output");
      assertSameDocument();
      browser.screenshot("must-show-web-passing");
      open(".crumbs a", "/ui/services");
      awaitStatus("web", "passing");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void narrowScreensStillShowEveryColumn() {
    driver.get(agent.base() + "/ui/services");
    try {
      browser.size(375, 800);
      browser.waiter().until(d -> !d.findElements(By.cssSelector("#services tbody tr")).isEmpty());
      Object overflow = ((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
      assertThat(overflow).as("no horizontal scrolling at 375 px").isEqualTo(false);
      browser.screenshot("services-375px");
    } finally {
      browser.size(1280, 900);
    }
  }

}
