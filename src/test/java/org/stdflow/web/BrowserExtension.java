package org.stdflow.web;

import java.lang.reflect.Field;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium ({@link Browser#start()}) for every test of a browser test class: it fills
 * the class's {@code WebDriver} and {@code WebDriverWait} fields before the test's own
 * {@code @BeforeEach} methods run, and quits the browser after the test. The wait gives a page up to
 * 30 s, polls every 100 ms and retries an element the page re-rendered meanwhile.
 */
public class BrowserExtension implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    WebDriver driver = Browser.start();
    context.getStore(NAMESPACE).put(WebDriver.class, driver);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    Object test = context.getRequiredTestInstance();
    for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == WebDriver.class) {
          field.setAccessible(true);
          field.set(test, driver);
        } else if (field.getType() == WebDriverWait.class) {
          field.setAccessible(true);
          field.set(test, wait);
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    WebDriver driver = context.getStore(NAMESPACE).remove(WebDriver.class, WebDriver.class);
    if (driver != null) {
      driver.quit();
    }
  }
}
