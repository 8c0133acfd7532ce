package org.stdflow.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist in a headless Chromium, used by one user after the other (log in, log out). Every step
 * waits explicitly for what the user would see. Clicks scroll the element to the middle of the view
 * first: Tasklist's fixed footer and its notification panel cover the bottom of the task pane, where
 * the 完成 button and the last form fields sit (a plain Selenium click there is "intercepted").
 */
final class TasklistSession implements AutoCloseable {

  /** What form-js's flatpickr date input parses when typed (form-js 1.8 has no other input format). */
  static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  /** ... and how it shows the date it parsed. */
  static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

  static final By TASK_PANE = By.cssSelector("[cam-tasklist-task]");
  static final By CLAIM = By.cssSelector("[cam-tasklist-task] button.claim");
  static final By COMPLETE = By.cssSelector("[cam-tasklist-task] .form-actions button.btn-primary[ng-click='complete()']");
  static final By PAGE_NOTIFICATIONS = By.cssSelector(".page-notifications .alert");

  static final By USERNAME = By.cssSelector("input[ng-model=username]");
  /** The header's user menu (a person icon and the user's name). */
  static final By USER_MENU = By.xpath("//a[contains(@class,'dropdown-toggle')][.//span[contains(@class,'glyphicon-user')]]");

  final WebDriver driver;
  final WebDriverWait wait;
  final String base;
  private String user;

  private TasklistSession(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    // short polls: most conditions hold after one render, the default 500 ms would dominate the run
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Starts a browser on Tasklist's login page. */
  static TasklistSession open(int port) throws Exception {
    TasklistSession s = new TasklistSession(Browser.start(), "http://localhost:" + port);
    try {
      s.driver.get(s.base + "/camunda/app/tasklist/default/");
      s.wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** Logs the user in on the login form (password {@code demo}) and waits for the filters and the name. */
  void login(String userId) {
    Browser.logIn(driver, wait, userId, "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//section[contains(@class,'task-filters')]//a[contains(normalize-space(), '我的待办')]")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(USER_MENU, displayName(userId)));
    this.user = userId;
  }

  /**
   * Logs out whoever is logged in. After a failed test the page may be anywhere (the document page,
   * an open dialog), so it first returns to Tasklist.
   */
  void logoutIfLoggedIn() {
    if (!driver.getCurrentUrl().startsWith(base + "/camunda/app/tasklist/")
        || !driver.findElements(By.cssSelector(".modal")).isEmpty()) {
      driver.get(base + "/camunda/app/tasklist/default/");
    }
    wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(USERNAME),
        ExpectedConditions.visibilityOfElementLocated(USER_MENU)));
    if (!driver.findElements(USER_MENU).isEmpty() && driver.findElement(USER_MENU).isDisplayed()) {
      logout();
    }
  }

  /**
   * 退出登录 from the user menu. Switching users in one browser keeps Tasklist's bundles parsed (a
   * fresh browser per user costs seconds per switch on a small machine); the session cookie goes.
   */
  void logout() {
    click(USER_MENU);
    click(By.xpath("//ul[contains(@class,'dropdown-menu')]//a[@ng-click='logout()']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已成功退出登录"));
    user = null;
  }

  @Override
  public void close() {
    driver.quit();
  }

  void screenshot(String name) {
    Browser.screenshot(driver, name);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Clicks the visible, enabled element once it can receive the click (nothing on top of it). */
  void click(By by) {
    wait.until(d -> {
      WebElement e = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
      if (e == null || !e.isEnabled()) {
        return false;
      }
      js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", e);
      try {
        e.click();
        return true;
      } catch (ElementClickInterceptedException covered) {
        return false; // e.g. an animation still running; the click did not happen, try again
      }
    });
  }

  // ---------------------------------------------------------------- task list

  /** Selects a filter (e.g. 本科室待办) and opens the given task from its list, as a user clicks it. */
  void openTaskFromFilter(String filterName, String taskId, String taskName) {
    click(By.xpath("//section[contains(@class,'task-filters')]//a[contains(normalize-space(), '" + filterName + "')]"));
    By entry = By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[@href='#/?task=" + taskId + "']]");
    WebElement li = wait.until(ExpectedConditions.visibilityOfElementLocated(entry));
    if (!li.getText().contains(taskName)) {
      throw new AssertionError("list entry of task " + taskId + " shows «" + li.getText() + "», not " + taskName);
    }
    click(By.xpath("//ol[contains(@class,'tasks-list')]//a[@href='#/?task=" + taskId + "']"));
    waitForTask(taskName);
  }

  /** Waits until the task pane shows the task's name and its rendered Camunda Form. */
  void waitForTask(String taskName) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(TASK_PANE, taskName));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .fjs-form")));
  }

  /** Clicks 认领 and waits until the form is editable (Tasklist disables it for tasks not assigned to me). */
  void claim() {
    click(CLAIM);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    wait.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] .disabled-form")).isEmpty()
        && !d.findElements(By.cssSelector("[cam-tasklist-task] .fjs-form")).isEmpty());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(TASK_PANE, displayName(user)));
  }

  /** How Tasklist shows our demo users (firstName lastName, surname stored first). */
  static String displayName(String user) {
    return switch (user) {
      case "liuyang" -> "刘 洋";
      case "zhaomin" -> "赵 敏";
      case "wangjianguo" -> "王 建国";
      case "huanglei" -> "黄 磊";
      case "majun" -> "马 骏";
      default -> user;
    };
  }

  WebElement completeButton() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(COMPLETE));
  }

  /** Clicks Tasklist's 完成 (it must be enabled: a disabled button would silently do nothing). */
  void complete() {
    closeNotifications();
    WebElement button = completeButton();
    if (!button.isEnabled()) {
      throw new AssertionError("Tasklist's 完成 button is disabled");
    }
    click(COMPLETE);
  }

  /** Waits for a Tasklist notification containing the text; returns its whole text. */
  String notification(String containing) {
    return wait.until(d -> d.findElements(PAGE_NOTIFICATIONS).stream().filter(WebElement::isDisplayed)
        .map(WebElement::getText).filter(t -> t.contains(containing)).findFirst().orElse(null));
  }

  /** Dismisses the notifications shown (they sit on top of the form's buttons). */
  void closeNotifications() {
    js("document.querySelectorAll('.page-notifications button.close').forEach(b => b.offsetParent && b.click())");
    wait.until(d -> d.findElements(PAGE_NOTIFICATIONS).stream().noneMatch(WebElement::isDisplayed));
  }

  // ---------------------------------------------------------------- Camunda Forms (form-js 1.8)

  /** The first form-js field after the label that starts with {@code label} (labels end with "*" if required). */
  static By fieldAfterLabel(String label, String field) {
    return By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), '" + label
        + "')]/following::" + field + "[1]");
  }

  void type(String label, String text) {
    By by = fieldAfterLabel(label, "*[self::input[not(@type='radio' or @type='checkbox')] or self::textarea]");
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
    js("arguments[0].scrollIntoView({block: 'center'})", e);
    e.sendKeys(text);
    wait.until(ExpectedConditions.attributeToBe(by, "value", text));
    // form-js debounces text input into its state and flushes it on blur: leave the field now
    js("arguments[0].blur()", driver.findElement(by));
  }

  /** A radio option or checklist entry, by its own label; clicked until it is selected. */
  void tick(String optionLabel) {
    By input = By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space()='" + optionLabel
        + "']/input[@type='radio' or @type='checkbox']");
    click(input);
    wait.until(ExpectedConditions.elementToBeSelected(input));
  }

  /**
   * A form-js select: it is no {@code <select>} but a display div opening a list of divs; the list
   * scrolls inside itself, so the option is scrolled into view before the click.
   */
  void choose(String label, String option) {
    By display = fieldAfterLabel(label, "div[contains(@class,'fjs-select-display')]");
    click(display);
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist')]/div[contains(@class,'fjs-dropdownlist-item')"
        + " and normalize-space()='" + option + "']"));
    wait.until(ExpectedConditions.textToBe(display, option));
  }

  /**
   * A form-js date field (flatpickr): typing MM/dd/yyyy and Enter makes flatpickr parse it (form-js
   * itself turns a blur into that Enter); the field then shows M/d/yyyy and the calendar closes.
   */
  void date(String label, LocalDate date) {
    By input = fieldAfterLabel(label, "input[contains(@class,'flatpickr-input')]");
    click(input);
    WebElement e = driver.findElement(input);
    e.sendKeys(TYPED_DATE.format(date));
    e.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.attributeToBe(input, "value", SHOWN_DATE.format(date)));
    wait.until(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
  }

  /** Texts of the checkboxes that are ticked, in form order. */
  List<String> tickedLabels() {
    return driver.findElements(By.cssSelector(".fjs-container input[type=checkbox]")).stream()
        .filter(WebElement::isSelected)
        .map(c -> c.findElement(By.xpath("..")).getText().strip()).toList();
  }

  // ---------------------------------------------------------------- our Tasklist custom script

  boolean formsFixApplied() {
    return Boolean.TRUE.equals(js("return !!(window.stdflowFormsFix && window.stdflowFormsFix.applied === true)"));
  }

  long formsFixPrunedCount() {
    return ((Number) js("return window.stdflowFormsFix ? window.stdflowFormsFix.prunedCount : -1")).longValue();
  }
}
