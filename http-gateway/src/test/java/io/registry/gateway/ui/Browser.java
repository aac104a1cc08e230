package io.registry.gateway.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven through Debian's chromedriver, shared by every browser test
 * of the run (UiBrowserExtension keeps it). Both paths are given explicitly, so Selenium
 * Manager never looks for, or downloads, a browser or a driver: the machines have no
 * internet. Without them a developer's run skips the browser tests with the reason; with
 * CI=true it fails instead, so CI can never pass by skipping them.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("ui.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("ui.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  static final Duration BOUND = Duration.ofSeconds(10);

  private final Path profile;
  final ChromeDriver driver;

  private Browser() throws IOException {
    profile = Files.createTempDirectory("ui-test-chromium");
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage", "--disable-default-apps",
        "--user-data-dir=" + profile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** Why the browser tests cannot run here, or null when chromium and its driver exist. */
  static String missing() {
    Path absent = !Files.isExecutable(CHROMIUM) ? CHROMIUM
        : !Files.isExecutable(DRIVER) ? DRIVER : null;
    return absent == null ? null : absent + " is missing: install Debian's chromium and"
        + " chromium-driver (apt-get install -y chromium chromium-driver) to run the web UI"
        + " browser tests";
  }

  static boolean inCi() {
    return "true".equals(System.getenv("CI"));
  }

  /** Starts the browser; fails with the reason when it is missing (only reached under CI). */
  static Browser start() {
    String missing = missing();
    if (missing != null) {
      throw new AssertionError((inCi() ? "CI=true and " : "") + missing);
    }
    try {
      return new Browser();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriverWait waiter() {
    // Pages re-render what changed; an element found a moment ago may have been replaced.
    WebDriverWait wait = new WebDriverWait(driver, BOUND, Duration.ofMillis(50));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  WebDriver size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return driver;
  }

  /** Saves what the page shows now as target/ui-screenshots/NAME.png, for people to look at. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A leftover temp profile is harmless.
      }
    }
  }
}
