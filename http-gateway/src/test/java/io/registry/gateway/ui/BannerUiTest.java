package io.registry.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The header's banners: a cluster without a leader, and an agent that stopped answering. */
@ExtendWith(UiBrowserExtension.class)
class BannerUiTest {
  private static UiAgent healthy;
  private static Browser browser;
  private static WebDriver driver;

  @BeforeAll
  static void start(Browser b) {
    browser = b;
    driver = b.size(1280, 900);
    healthy = UiAgent.start();
  }

  @AfterAll
  static void stop() {
    if (healthy != null) {
      healthy.close();
    }
  }

  private static String banner() {
    return browser.waiter().withMessage("banner shown").until(d -> {
      var b = d.findElement(By.id("banner"));
      return b.isDisplayed() ? b.getText() : null;
    });
  }

  @Test
  void noLeaderShowsABannerAndThePageSaysWhatFailed() {
    assertThat(healthy.get("/v1/status/leader").body()).isNotEqualTo("\"\"");
    UiAgent leaderless = UiAgent.on(new LeaderlessNode(healthy.node()), true);
    try {
      assertThat(leaderless.get("/v1/status/leader").body()).isEqualTo("\"\"");
      driver.get(leaderless.base() + "/ui/services");
      assertThat(banner()).contains("No cluster leader");
      browser.waiter().until(d -> d.findElement(By.id("fact-leader")).getText().equals("none"));
      // The page body is not blank: it names the failure.
      browser.waiter().until(d -> d.findElement(By.id("services-body")).getText()
          .contains("No cluster leader"));
      browser.screenshot("no-leader");
    } finally {
      leaderless.closeGateway();
    }
  }

  @Test
  void anAgentThatStopsAnsweringShowsABannerWithoutABlankPage() {
    UiAgent doomed = UiAgent.on(healthy.node(), true);
    driver.get(doomed.base() + "/ui/nodes");
    browser.waiter().until(d -> !d.findElements(By.cssSelector("#nodes tbody tr")).isEmpty());
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();
    doomed.closeGateway();
    assertThat(banner()).contains("cannot be reached");
    assertThat(driver.findElement(By.id("main")).getText()).contains("Nodes");
    browser.screenshot("unreachable");
  }
}
