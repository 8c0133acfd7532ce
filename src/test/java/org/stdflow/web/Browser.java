package org.stdflow.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded driver). The
 * browser reports an English locale on purpose: our webapps must still speak Chinese.
 */
public final class Browser {

  private Browser() {
  }

  public static WebDriver start() throws Exception {
    Path profile = Files.createTempDirectory("stdflow-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("stdflow.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("stdflow.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options) {
      @Override
      public void quit() {
        try {
          super.quit();
        } finally {
          deleteQuietly(profile);
        }
      }
    };
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      // a leftover temp profile is not worth failing a test for
    }
  }

  /** Fills Tasklist's login form (already open) and waits for the filters of the logged-in user. */
  public static void logIn(WebDriver driver, WebDriverWait wait, String user, String password) {
    // On a busy machine Tasklist sometimes still re-renders its login form when the keys arrive, and
    // the submit goes nowhere (the page stays on 登录 without an error). Typing again into the form
    // as it then stands is what a user would do; three tries, then the wait's own failure.
    for (int attempt = 1; ; attempt++) {
      WebElement name = wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
      name.clear();
      name.sendKeys(user);
      WebElement secret = driver.findElement(By.cssSelector("input[ng-model=password]"));
      secret.clear();
      secret.sendKeys(password);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(attempt < 3 ? 15 : 30), Duration.ofMillis(100))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的待办"));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        boolean stillOnLogin = !driver.findElements(By.cssSelector("input[ng-model=username]")).isEmpty();
        if (attempt >= 3 || !stillOnLogin) {
          throw e;
        }
      }
    }
  }

  /** Saves a screenshot under target/screenshots for people to look at. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (Exception e) {
      // a missing screenshot must not hide the real test result
    }
  }
}
