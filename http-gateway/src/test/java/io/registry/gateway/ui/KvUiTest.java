package io.registry.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The key/value editor in headless Chromium: folders, create, edit with CAS (including a
 * concurrent API write between load and save), binary values as base64, delete, search.
 */
@ExtendWith(UiBrowserExtension.class)
class KvUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private static WebElement el(String css) {
    return browser.waiter().until(d -> d.findElement(By.cssSelector(css)));
  }

  private static String awaitText(String css, Predicate<String> ok, String what) {
    return browser.waiter().withMessage(css + ": " + what).until(d -> {
      String t = d.findElement(By.cssSelector(css)).getText();
      return ok.test(t) ? t : null;
    });
  }

  private static String value(String css) {
    return browser.waiter().until(d -> d.findElement(By.cssSelector(css)).getDomProperty("value"));
  }

  private static JsonNode pair(String key) throws Exception {
    return JSON.readTree(agent.get("/v1/kv/" + key).body()).get(0);
  }

  private static byte[] raw(String key) {
    return agent.getBytes("/v1/kv/" + key + "?raw").body();
  }

  private static void awaitUrl(String end) {
    browser.waiter().withMessage("URL ending " + end).until(d -> d.getCurrentUrl().endsWith(end));
  }

  @Test
  void createEditAndDeleteKeysAndFolders() throws Exception {
    driver.get(agent.base() + "/ui/kv/work/");
    awaitText("#kv-list", t -> t.contains("This folder is empty"), "empty state");
    browser.screenshot("kv-empty");

    // A folder, then a key inside it.
    el("#kv-new-key").sendKeys("config/");
    el("#kv-create-save").click();
    awaitUrl("/ui/kv/work/config/");
    el("#kv-new-key").sendKeys("app/greeting");
    el("#kv-new-value").sendKeys("hello world");
    el("#kv-create-save").click();
    awaitUrl("/ui/kv/work/config/app/greeting");
    assertThat(new String(raw("work/config/app/greeting"), StandardCharsets.UTF_8)).isEqualTo("hello world");
    browser.waiter().until(d -> "hello world".equals(value("#kv-value")));
    assertThat(el("#kv-kind").getDomAttribute("data-kind")).isEqualTo("text");

    // Creating over an existing key is refused, never an overwrite.
    driver.get(agent.base() + "/ui/kv/work/config/app/");
    awaitText("#kv-entries", t -> t.contains("greeting"), "the new key listed");
    el("#kv-new-key").sendKeys("greeting");
    el("#kv-new-value").sendKeys("other");
    el("#kv-create-save").click();
    awaitText("#kv-create-message", t -> t.contains("already exists"), "refused create");
    assertThat(new String(raw("work/config/app/greeting"), StandardCharsets.UTF_8)).isEqualTo("hello world");

    // Edit: the flags stay as they were.
    agent.put("/v1/kv/work/config/app/limits?flags=42", "max=10");
    driver.get(agent.base() + "/ui/kv/work/config/app/limits");
    awaitText("#kv-flags", "42"::equals, "flags shown");
    browser.waiter().until(d -> "max=10".equals(value("#kv-value")));
    el("#kv-value").clear();
    el("#kv-value").sendKeys("max=20");
    el("#kv-save").click();
    awaitText("#kv-message", t -> t.startsWith("Saved"), "saved");
    assertThat(new String(raw("work/config/app/limits"), StandardCharsets.UTF_8)).isEqualTo("max=20");
    assertThat(pair("work/config/app/limits").get("Flags").asLong()).isEqualTo(42);
    browser.screenshot("kv-key");

    // Delete the key (with its confirmation step), then the whole folder.
    el("#kv-delete").click();
    el("#kv-delete-confirm").click();
    awaitUrl("/ui/kv/work/config/app/");
    assertThat(agent.get("/v1/kv/work/config/app/limits").statusCode()).isEqualTo(404);
    browser.screenshot("kv-folder");
    driver.get(agent.base() + "/ui/kv/work/config/");
    el("#kv-delete-folder").click();
    el("#kv-delete-folder-confirm").click();
    awaitUrl("/ui/kv/work/");
    assertThat(agent.get("/v1/kv/work/config/?recurse").statusCode()).isEqualTo(404);
  }

  /** Issue 7, must show 2: a concurrent change is never overwritten silently. */
  @Test
  void aConcurrentWriteBetweenLoadAndSaveIsRefusedWithAClearMessage() throws Exception {
    agent.put("/v1/kv/shared/setting", "v1");
    driver.get(agent.base() + "/ui/kv/shared/setting");
    browser.waiter().until(d -> "v1".equals(value("#kv-value")));
    el("#kv-value").sendKeys(" edited in the browser");
    agent.put("/v1/kv/shared/setting", "v2 from someone else");
    el("#kv-save").click();
    String message = awaitText("#kv-message", t -> t.contains("Not saved"), "conflict");
    assertThat(message).contains("someone else changed this key");
    assertThat(value("#kv-value")).isEqualTo("v1 edited in the browser");
    assertThat(new String(raw("shared/setting"), StandardCharsets.UTF_8))
        .isEqualTo("v2 from someone else");
    browser.screenshot("kv-conflict");

    // Loading their version, then saving, is a deliberate overwrite.
    el("#kv-reload").click();
    browser.waiter().until(d -> "v2 from someone else".equals(value("#kv-value")));
    el("#kv-value").clear();
    el("#kv-value").sendKeys("v3");
    el("#kv-save").click();
    awaitText("#kv-message", t -> t.startsWith("Saved"), "saved after reload");
    assertThat(new String(raw("shared/setting"), StandardCharsets.UTF_8)).isEqualTo("v3");
  }

  /** Issue 7, must show 2: binary values round-trip through the editor as base64. */
  @Test
  void binaryValuesAreShownAndEditedAsBase64() throws Exception {
    byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10};
    agent.put("/v1/kv/blobs/key.bin", bytes);
    driver.get(agent.base() + "/ui/kv/blobs/key.bin");
    browser.waiter().until(d -> "AAEC//4K".equals(value("#kv-value")));
    assertThat(el("#kv-kind").getDomAttribute("data-kind")).isEqualTo("binary");
    assertThat(el("#kv-encoding").getDomProperty("value")).isEqualTo("base64");
    browser.screenshot("kv-binary");

    el("#kv-value").clear();
    el("#kv-value").sendKeys("3q2+7w==");
    el("#kv-save").click();
    awaitText("#kv-message", t -> t.startsWith("Saved"), "saved");
    assertThat(raw("blobs/key.bin")).containsExactly(0xde, 0xad, 0xbe, 0xef);

    // Text typed in the editor is stored as its UTF-8 bytes.
    agent.put("/v1/kv/blobs/text", "plain");
    driver.get(agent.base() + "/ui/kv/blobs/text");
    browser.waiter().until(d -> "plain".equals(value("#kv-value")));
    el("#kv-value").sendKeys(" café");
    el("#kv-save").click();
    awaitText("#kv-message", t -> t.startsWith("Saved"), "saved");
    assertThat(new String(raw("blobs/text"), StandardCharsets.UTF_8)).isEqualTo("plain café");
  }

  @Test
  void foldersListLiveAndSearchFindsKeysAtAnyDepth() {
    agent.put("/v1/kv/tree/a/deep/needle-one", "1");
    driver.get(agent.base() + "/ui/kv/tree/");
    awaitText("#kv-entries", t -> t.contains("a/"), "folder a/");
    agent.put("/v1/kv/tree/top-level", "2");
    awaitText("#kv-entries", t -> t.contains("top-level"), "new key listed live");

    el("#kv-search").sendKeys("needle");
    awaitText("#kv-hits", t -> t.contains("tree/a/deep/needle-one"), "flat search hit");
    assertThat(driver.getCurrentUrl()).endsWith("/ui/kv/tree/?q=needle");
    browser.screenshot("kv-search");
    el("#kv-hits a").click();
    awaitUrl("/ui/kv/tree/a/deep/needle-one");
    awaitText(".crumbs", t -> t.contains("deep"), "breadcrumbs");
  }
}
