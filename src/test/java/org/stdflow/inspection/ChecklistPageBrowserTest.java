package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.web.Browser;
import org.stdflow.web.BrowserExtension;

/**
 * The checklist page as its users see it: the canteen section finds its standard, is told in
 * Chinese at the right row what is wrong, keeps its edits through a refused save and a lost
 * session, saves, and finds the item again after a reload; another section reads the same
 * checklist without any way to change it.
 */
@StdflowSpringTest
@ExtendWith(BrowserExtension.class)
class ChecklistPageBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  // a fresh browser for each test (BrowserExtension)
  private WebDriver driver;
  private WebDriverWait wait;
  private String base;

  @BeforeEach
  void base() {
    base = "http://localhost:" + port;
  }

  @Test
  void theCanteenSectionEditsItsChecklistAndAnotherSectionOnlyReadsIt() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String title = "检查表页面测试规范" + suffix;
    InForce standard = standardInForce(title, "Q/TEST CL" + suffix + "-2026", "sec-canteen");
    RestClient.Response seeded = RestClient.as(port, "liuyang", "demo").put("/api/standards/" + standard.id()
        + "/checklist", Map.of("items", List.of(Map.of("clauseRef", "5.1", "requirement", "食品原料索证索票齐全",
        "weight", 20, "critical", true, "places", List.of("canteen-1")))));
    assertThat(seeded.status()).as(seeded.body()).isEqualTo(200);

    try {
      driver.get(base + "/camunda/app/tasklist/default/");
      Browser.logIn(driver, wait, "liuyang", "demo");

      // the picker: my section's standards first, then a search by title
      driver.get(base + "/pages/checklists.html");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("picker-status"), "本科室负责的排在前面"));
      WebElement first = driver.findElement(By.cssSelector("#standard-rows > tr"));
      assertThat(first.getAttribute("class")).isEqualTo("own");
      assertThat(first.getText()).contains("食堂管理科").contains("本科室");
      driver.findElement(By.id("search")).sendKeys(suffix);
      driver.findElement(By.id("search-button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("picker-status"), "共 1 项现行有效标准"));
      click(By.cssSelector("#standard-rows tr[data-standard-id='" + standard.id() + "'] a"));

      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checklist-heading"), title));
      assertThat(driver.getCurrentUrl()).endsWith("/pages/checklists.html?standardId=" + standard.id());
      assertThat(driver.findElement(By.id("standard-section")).getText()).isEqualTo("食堂管理科");
      assertThat(rows()).hasSize(1);
      assertThat(value(1, "input[name=clauseRef]")).isEqualTo("5.1");
      assertThat(driver.findElement(By.id("read-only-note")).isDisplayed()).isFalse();

      // a new item with a weight of 0: refused, the message at that row's weight, the edits kept
      click(By.id("add-row"));
      wait.until(d -> rows().size() == 2);
      row(2).findElement(By.cssSelector("input[name=clauseRef]")).sendKeys("6.2");
      row(2).findElement(By.cssSelector("textarea[name=requirement]")).sendKeys("餐具消毒后保洁存放");
      row(2).findElement(By.cssSelector("input[name=weight]")).sendKeys("0");
      click(By.cssSelector("#checklist-rows > tr:nth-child(2) input[name=critical]"));
      click(By.cssSelector("#checklist-rows > tr:nth-child(2) summary"));
      click(By.cssSelector("#checklist-rows > tr:nth-child(2) input[name=places][value='canteen-2']"));
      assertThat(row(2).findElement(By.tagName("summary")).getText()).isEqualTo("第二机关食堂");
      assertThat(driver.findElement(By.id("dirty-note")).isDisplayed()).isTrue();
      click(By.id("save-button"));

      By weightError = By.cssSelector("#checklist-rows > tr:nth-child(2) .field-error[data-field=weight]");
      wait.until(ExpectedConditions.visibilityOfElementLocated(weightError));
      assertThat(driver.findElement(weightError).getText()).isEqualTo("第 2 项的权重须为 1 到 100 之间的整数");
      assertThat(row(2).findElement(By.cssSelector("input[name=weight]")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(row(1).findElements(By.cssSelector(".field-error")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
      assertThat(driver.findElement(By.id("save-summary")).getText()).contains("检查表未保存")
          .contains("第 2 项的权重须为 1 到 100 之间的整数");
      assertThat(value(2, "input[name=clauseRef]")).isEqualTo("6.2");
      assertThat(value(2, "textarea[name=requirement]")).isEqualTo("餐具消毒后保洁存放");
      assertThat(row(2).findElement(By.cssSelector("input[name=critical]")).isSelected()).isTrue();
      assertThat(itemsInDb(standard.versionId())).hasSize(1);
      Browser.screenshot(driver, "checklists-weight-refused");

      // fixed and saved
      WebElement weight = row(2).findElement(By.cssSelector("input[name=weight]"));
      weight.clear();
      weight.sendKeys("15");
      assertThat(driver.findElement(weightError).isDisplayed()).as("the message goes once the field is edited").isFalse();
      click(By.id("save-button"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-message"), "检查表已保存（共 2 项）"));
      assertThat(driver.findElement(By.id("save-summary")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.id("dirty-note")).isDisplayed()).isFalse();
      Browser.screenshot(driver, "checklists-saved");

      driver.navigate().refresh();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checklist-status"), "共 2 项"));
      assertThat(value(2, "input[name=clauseRef]")).isEqualTo("6.2");
      assertThat(value(2, "textarea[name=requirement]")).isEqualTo("餐具消毒后保洁存放");
      assertThat(value(2, "input[name=weight]")).isEqualTo("15");
      assertThat(row(2).findElement(By.cssSelector("input[name=critical]")).isSelected()).isTrue();
      assertThat(row(2).findElement(By.tagName("summary")).getText()).isEqualTo("第二机关食堂");
      List<Map<String, Object>> saved = itemsInDb(standard.versionId());
      assertThat(saved).hasSize(2);
      assertThat(saved.get(1)).containsEntry("clause_ref", "6.2").containsEntry("requirement", "餐具消毒后保洁存放")
          .containsEntry("weight", 15).containsEntry("critical", true).containsEntry("updated_by", "liuyang")
          .containsEntry("places", "canteen-2");

      // rows move and go; moving back to the saved order is no unsaved change; 放弃 restores the rest
      click(By.cssSelector("#checklist-rows > tr:nth-child(1) button[data-action=down]"));
      assertThat(value(1, "input[name=clauseRef]")).isEqualTo("6.2");
      assertThat(value(2, "input[name=clauseRef]")).isEqualTo("5.1");
      assertThat(driver.findElement(By.id("dirty-note")).isDisplayed()).isTrue();
      click(By.cssSelector("#checklist-rows > tr:nth-child(2) button[data-action=up]"));
      assertThat(value(1, "input[name=clauseRef]")).isEqualTo("5.1");
      assertThat(driver.findElement(By.id("dirty-note")).isDisplayed()).isFalse();
      click(By.cssSelector("#checklist-rows > tr:nth-child(2) button[data-action=remove]"));
      assertThat(rows()).hasSize(1);
      assertThat(driver.findElement(By.id("dirty-note")).isDisplayed()).isTrue();
      click(By.id("revert-button"));
      wait.until(ExpectedConditions.alertIsPresent()).accept();
      wait.until(d -> rows().size() == 2);
      assertThat(value(2, "input[name=clauseRef]")).isEqualTo("6.2");

      // the session ends while the page holds an edit: the save is refused with a login link, the edit stays
      driver.manage().deleteAllCookies();
      WebElement requirement = row(1).findElement(By.cssSelector("textarea[name=requirement]"));
      requirement.sendKeys("，台账完整");
      click(By.id("save-button"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-required")));
      assertThat(driver.findElement(By.id("save-summary")).getText()).contains("登录已失效").contains("您的修改仍在本页");
      assertThat(driver.findElement(By.cssSelector("#login-required a")).getAttribute("href"))
          .isEqualTo(base + "/camunda/app/tasklist/");
      assertThat(driver.findElement(By.cssSelector("#save-summary a")).getAttribute("href"))
          .as("the login link also where the user looks").isEqualTo(base + "/camunda/app/tasklist/");
      assertThat(value(1, "textarea[name=requirement]")).isEqualTo("食品原料索证索票齐全，台账完整");
      Browser.screenshot(driver, "checklists-session-lost");

      // leaving with unsaved changes asks first; once the edit is given up, it does not
      assertThat(leavingAsksFirst()).as("beforeunload warning with unsaved edits").isTrue();
      click(By.id("revert-button"));
      wait.until(ExpectedConditions.alertIsPresent()).accept();
      wait.until(d -> value(1, "textarea[name=requirement]").equals("食品原料索证索票齐全"));
      assertThat(leavingAsksFirst()).as("no warning without unsaved edits").isFalse();
      assertThat(itemsInDb(standard.versionId()).get(0)).containsEntry("requirement", "食品原料索证索票齐全");

      // another section reads the same checklist, with no way to change it
      driver.get(base + "/camunda/app/tasklist/default/");
      Browser.logIn(driver, wait, "huanglei", "demo");
      driver.get(base + "/pages/checklists.html?standardId=" + standard.id());
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checklist-status"), "共 2 项"));
      assertThat(driver.findElement(By.id("read-only-note")).getText())
          .contains("只有责任科室、标准化办公室和管理员可以维护检查表");
      assertThat(driver.findElement(By.id("save-button")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.id("add-row")).isDisplayed()).isFalse();
      assertThat(driver.findElements(By.cssSelector("#checklist-rows input, #checklist-rows textarea, #checklist-rows button")))
          .isEmpty();
      assertThat(row(2).getText()).contains("6.2").contains("餐具消毒后保洁存放").contains("15").contains("是")
          .contains("第二机关食堂");
      WebElement huangleiFirst = driver.findElement(By.cssSelector("#standard-rows > tr"));
      assertThat(huangleiFirst.getText()).contains("物业管理科");
      Browser.screenshot(driver, "checklists-read-only");

      // reachable from the welcome page's links
      driver.get(base + "/camunda/app/welcome/default/");
      WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("检查表维护")));
      assertThat(link.getAttribute("href")).isEqualTo(base + "/pages/checklists.html");
      Browser.screenshot(driver, "checklists-welcome-link");
      link.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("picker-status"), "本科室负责的排在前面"));
    } catch (Throwable e) {
      dismissAlert();
      Browser.screenshot(driver, "checklists-failure");
      throw e;
    }
  }

  /**
   * Whether the page's beforeunload handler asks the browser to confirm leaving. The dialog itself
   * cannot be seen here: WebDriver accepts beforeunload prompts by default (and Browser is shared).
   */
  private boolean leavingAsksFirst() {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
        var e = new Event('beforeunload', {cancelable: true});
        window.dispatchEvent(e);
        return e.defaultPrevented;"""));
  }

  private void dismissAlert() {
    try {
      driver.switchTo().alert().dismiss();
    } catch (Exception none) {
      // no dialog open
    }
  }

  private void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by));
    WebElement e = driver.findElement(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }

  private List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#checklist-rows > tr"));
  }

  private WebElement row(int n) {
    return driver.findElement(By.cssSelector("#checklist-rows > tr:nth-child(" + n + ")"));
  }

  private String value(int row, String css) {
    return row(row).findElement(By.cssSelector(css)).getAttribute("value");
  }

  private List<Map<String, Object>> itemsInDb(long versionId) {
    return jdbc.sql("""
            SELECT i.clause_ref, i.requirement, i.weight, i.critical, i.updated_by,
                   (SELECT MIN(p.place_code) FROM insp_item_place p WHERE p.item_id = i.id) AS places
              FROM insp_checklist_item i WHERE i.version_id = :v ORDER BY i.sort_order""")
        .param("v", versionId)
        .query((rs, n) -> Map.<String, Object>of("clause_ref", rs.getString(1), "requirement", rs.getString(2),
            "weight", rs.getInt(3), "critical", rs.getBoolean(4), "updated_by", rs.getString(5),
            "places", rs.getString(6)))
        .list();
  }

  private record InForce(long id, long versionId) {
  }

  /** A standard put in force directly in the register (as the demo register loader does), unique per run. */
  private InForce standardInForce(String title, String code, String section) {
    Timestamp now = Timestamp.from(Instant.now());
    LocalDate effective = LocalDate.of(2026, 1, 1);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code,
                                      scope, created_by, created_at, updated_at)
            VALUES (:title, '205', 'INTERNAL', :section, 'IN_FORCE', :code, '浏览器测试', 'test', :now, :now)""")
        .param("title", title).param("section", section).param("code", code).param("now", now)
        .update(keys, "id");
    long standardId = keys.getKey().longValue();
    GeneratedKeyHolder versionKeys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at, approved_by)
            VALUES (:sid, 1, :code, 'IN_FORCE', :eff, :now, 'wangjianguo')""")
        .param("sid", standardId).param("code", code).param("eff", effective).param("now", now)
        .update(versionKeys, "id");
    long versionId = versionKeys.getKey().longValue();
    jdbc.sql("UPDATE std_standard SET current_version_id = :v, effective_date = :eff WHERE id = :id")
        .param("v", versionId).param("eff", effective).param("id", standardId).update();
    return new InForce(standardId, versionId);
  }
}
