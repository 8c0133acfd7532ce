package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.standard.StandardLifecycleProcess.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.StdflowSpringTest;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.TestDocuments;
import org.stdflow.web.Browser;
import org.stdflow.web.BrowserExtension;

/** /pages/register.html in Chromium: a section head finds a standard in force, its files and its training video. */
@StdflowSpringTest
@ExtendWith(BrowserExtension.class)
class RegisterPageBrowserTest extends LifecycleTestSupport {

  @LocalServerPort int port;

  // a fresh browser for each test (BrowserExtension)
  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void aSectionHeadFindsAStandardInForceWithItsFilesAndPlaysItsTrainingVideo() {
    String title = unique("会场座次安排规范");
    long id = publishedWithTrainingVideo(title);
    String code = register.get(id).code();
    String base = "http://localhost:" + port;

    // logged out: to Tasklist's login, where the section head logs in
    driver.get(base + "/pages/register.html");
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    Browser.logIn(driver, wait, "huanglei", "demo");
    // reachable from the welcome page's links
    driver.get(base + "/camunda/app/welcome/default/");
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("标准库")));
    assertThat(link.getAttribute("href")).isEqualTo(base + "/pages/register.html");
    link.click();

    // the catalogue opens on the standards in force, with the tree and the sections to filter by
    wait.until(ExpectedConditions.textMatches(By.id("list-status"), java.util.regex.Pattern.compile("共 \\d+ 项标准")));
    assertThat(new Select(driver.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("现行有效");
    assertThat(driver.findElements(By.cssSelector("#standard-rows tr"))).isNotEmpty()
        .allSatisfy(row -> assertThat(row.getText()).contains("现行有效"));
    assertThat(driver.findElement(By.id("tree-root")).getText()).contains("通用基础标准体系").contains("运行保障标准体系");
    assertThat(new Select(driver.findElement(By.id("section"))).getOptions()).hasSize(8);
    assertThat(driver.findElement(By.id("tree-admin-toggle")).isDisplayed()).as("only the office maintains the tree").isFalse();
    Browser.screenshot(driver, "register-catalogue");

    // a node counts the live standards of its sub-tree; it narrows the list to that sub-tree and is marked as current
    int count200 = 0;
    for (WebElement child : driver.findElements(By.xpath("//a[@data-node='200']/following-sibling::ul/li/span[@class='count']"))) {
      count200 += Integer.parseInt(child.getText().replaceAll("[()]", ""));
    }
    assertThat(count200).isPositive();
    assertThat(driver.findElement(By.xpath("//a[@data-node='200']/following-sibling::span[@class='count']")).getText())
        .isEqualTo("(" + count200 + ")");
    driver.findElement(By.cssSelector("#tree-root a[data-node='200']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#tree-root a[data-node='200']"), "aria-current", "true"));
    wait.until(ExpectedConditions.textMatches(By.id("list-status"), java.util.regex.Pattern.compile("共 \\d+ 项标准")));
    assertThat(driver.findElements(By.cssSelector("#standard-rows tr")))
        .isNotEmpty().allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(2).getText()).startsWith("2"));

    // search by a part of the title, within the node chosen
    driver.findElement(By.id("q")).sendKeys(title.substring(title.length() - 6));
    new Select(driver.findElement(By.id("section"))).selectByVisibleText("食堂管理科");
    driver.findElement(By.id("search-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "共 1 项标准"));
    assertThat(driver.getCurrentUrl()).contains("node=200").contains("section=sec-canteen");
    assertThat(driver.findElement(By.id("export-link")).getAttribute("href"))
        .contains("/api/standards/catalogue.xlsx?").contains("node=200").contains("section=sec-canteen")
        .contains("status=IN_FORCE").doesNotContain("page=");
    WebElement row = driver.findElement(By.cssSelector("#standard-rows tr"));
    assertThat(row.getText()).contains(code).contains("食堂管理科").contains("内部标准");
    row.findElement(By.linkText(title)).click();

    // the standard: facts, the version with its files, the training video playable, training and notice
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-heading"), title));
    assertThat(driver.findElement(By.id("d-code")).getText()).isEqualTo(code);
    assertThat(driver.findElement(By.id("d-status")).getText()).isEqualTo("现行有效");
    assertThat(driver.findElement(By.id("d-scope")).getText()).contains("机关食堂");
    WebElement version = driver.findElement(By.cssSelector("#versions .version.current"));
    assertThat(version.getText()).contains("第 1 版").contains(code).contains("标准文本").contains("编制说明")
        .contains("宣传培训材料").contains("会场座次示范.mp4");
    WebElement play = version.findElement(By.className("play-link"));
    assertThat(play.getAttribute("aria-label")).isEqualTo("播放 会场座次示范.mp4");
    assertThat(play.getAttribute("target")).isEqualTo("_blank");
    assertThat(version.findElements(By.className("play-link"))).hasSize(1);
    assertThat(driver.findElement(By.id("trainings")).getText()).contains("第 1 版").contains("本科室全体");
    assertThat(driver.findElement(By.id("notices")).getText()).contains("发布");
    // every section head acknowledged the version (the deadline would list who did not)
    assertThat(driver.findElement(By.id("acknowledgements-summary")).getText()).isEqualTo("现行版本：已阅知 7 / 7 人");
    assertThat(driver.findElement(By.id("acknowledgements")).getText()).contains("第 1 版").contains("郑芳")
        .doesNotContain("未阅知");
    assertThat(driver.findElement(By.id("reviews-empty")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("review-request")).isDisplayed()).as("a section head cannot ask for a review").isFalse();
    Browser.screenshot(driver, "register-standard");

    // the video plays from the register for a section that had no task in the run
    String video = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin', headers: {Range: 'bytes=0-7'}})
          .then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); });""", play.getAttribute("href"));
    assertThat(video).isEqualTo("206 video/mp4");

    // back to the catalogue as it was
    driver.findElement(By.id("back-to-list")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "共 1 项标准"));
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(title.substring(title.length() - 6));

    // a standard that does not exist
    driver.get(base + "/pages/register.html?id=999999999");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-status"), "标准 999999999 不存在"));
    // every status, a filter that finds nothing
    driver.get(base + "/pages/register.html?status=&q=" + "不存在的标准名称");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-status"), "没有符合条件的标准"));
    assertThat(new Select(driver.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("全部状态");
  }

  @Test
  void theOfficeAsksForAnOutOfCycleReviewFromTheRegister() {
    ProcessInstance pi = inForce(unique("会务茶水服务规程"), "INTERNAL", null);
    long id = standardId(pi);
    String base = "http://localhost:" + port;
    driver.get(base + "/camunda/app/tasklist/default/");
    Browser.logIn(driver, wait, "zhaomin", "demo");
    driver.get(base + "/pages/register.html?id=" + id);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-request")));

    // no reason: refused by the server, shown at the field, nothing started
    driver.findElement(By.id("review-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-reason-error")));
    assertThat(driver.findElement(By.id("review-reason-error")).getText()).isEqualTo("请填写复审理由（不超过 1000 字）");
    assertThat(driver.findElement(By.id("review-reason")).getAttribute("aria-invalid")).isEqualTo("true");
    assertWaitingAt(pi, GATEWAY_IN_FORCE);

    driver.findElement(By.id("review-reason")).sendKeys("本季度连续两次检查不合格，需评估标准条款是否可行");
    driver.findElement(By.id("review-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-message"), "已发起计划外复审"));
    assertThat(driver.findElement(By.id("review-reason-error")).isDisplayed()).isFalse();
    assertWaitingAt(pi, TASK_REVIEW_STANDARD);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Vars.REVIEW_TRIGGER_LABEL))
        .isEqualTo("计划外复审：本季度连续两次检查不合格，需评估标准条款是否可行");
    Browser.screenshot(driver, "register-review-requested");

    // asked again while under review: the server's reason, nothing started twice
    driver.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-request")));
    driver.findElement(By.id("review-reason")).sendKeys("再次申请");
    driver.findElement(By.id("review-button")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("review-message"), "class", "error"));
    assertThat(driver.findElement(By.id("review-message")).getText()).isEqualTo("该标准正在复审或修订中，暂不能发起复审");
    assertThat(tasks(pi, TASK_REVIEW_STANDARD)).hasSize(1);
  }

  @Test
  void theOfficeMaintainsTheStandardSystemTree() {
    String code = "30" + (100 + Math.floorMod(System.nanoTime(), 900));
    String name = "应急预案" + code;
    String base = "http://localhost:" + port;
    driver.get(base + "/camunda/app/tasklist/default/");
    Browser.logIn(driver, wait, "zhaomin", "demo");
    driver.get(base + "/pages/register.html");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tree-admin-toggle"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tree-admin")));

    // nothing filled: the server's messages at the fields
    driver.findElement(By.id("node-save")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("node-code-error")));
    assertThat(driver.findElement(By.id("node-code-error")).getText()).isEqualTo("节点编码不能为空");
    assertThat(driver.findElement(By.id("node-name-error")).getText()).isEqualTo("节点名称不能为空");
    assertThat(driver.findElement(By.id("node-message")).getText()).isEqualTo("未保存，请按标出的提示修改后重试。");

    // a new node under 监督评价标准体系
    driver.findElement(By.id("node-code")).sendKeys(code);
    driver.findElement(By.id("node-name")).sendKeys(name);
    new Select(driver.findElement(By.id("node-parent"))).selectByValue("300");
    driver.findElement(By.id("node-save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-message"), "已新增节点 " + code + "。"));
    assertThat(driver.findElement(By.cssSelector("#tree-root a[data-node='" + code + "']")).getText()).isEqualTo(code + " " + name);
    assertThat(jdbc.sql("SELECT parent_code FROM std_node WHERE code = :c").param("c", code).query(String.class).single())
        .isEqualTo("300");
    Browser.screenshot(driver, "register-tree-node-added");

    // renamed and put first among its siblings (a sort order out of range is refused at its field first)
    new Select(driver.findElement(By.id("node-target"))).selectByValue(code);
    assertThat(driver.findElement(By.id("node-code")).isEnabled()).as("codes are part of standard codes").isFalse();
    WebElement nameField = driver.findElement(By.id("node-name"));
    nameField.clear();
    nameField.sendKeys(name + "（含演练）");
    WebElement sort = driver.findElement(By.id("node-sort"));
    sort.clear();
    sort.sendKeys("-1");
    driver.findElement(By.id("node-save")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("node-sortOrder-error")));
    assertThat(driver.findElement(By.id("node-sortOrder-error")).getText()).startsWith("排序号须为 0 到 ");
    assertThat(jdbc.sql("SELECT name FROM std_node WHERE code = :c").param("c", code).query(String.class).single())
        .as("nothing saved").isEqualTo(name);
    sort.clear();
    sort.sendKeys("0");
    driver.findElement(By.id("node-save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-message"), "已保存节点 " + code + "。"));
    assertThat(driver.findElement(By.cssSelector("#tree-root a[data-node='" + code + "']")).getText())
        .isEqualTo(code + " " + name + "（含演练）");
    assertThat(driver.findElement(By.xpath("//a[@data-node='300']/following-sibling::ul/li[1]/a")).getAttribute("data-node"))
        .isEqualTo(code);

    // a node with sub-nodes stays, with the server's reason
    new Select(driver.findElement(By.id("node-target"))).selectByValue("100");
    driver.findElement(By.id("node-delete")).click();
    driver.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-message"), "不能删除"));
    assertThat(driver.findElement(By.id("node-message")).getAttribute("class")).isEqualTo("error");

    // the new one goes
    new Select(driver.findElement(By.id("node-target"))).selectByValue(code);
    driver.findElement(By.id("node-delete")).click();
    driver.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-message"), "已删除节点 " + code + "。"));
    assertThat(driver.findElements(By.cssSelector("#tree-root a[data-node='" + code + "']"))).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM std_node WHERE code = :c").param("c", code).query(Long.class).single()).isZero();
  }

  /** A canteen standard published, its training recorded with a video uploaded in the training task. */
  private long publishedWithTrainingVideo(String title) {
    ProcessInstance pi = approvedForPublication(title);
    complete(pi, TASK_APPROVE_PUBLICATION, "wangjianguo",
        Map.of(Vars.PUBLICATION_DECISION, "approve", Vars.EFFECTIVE_DATE, today().toString()));
    documents.storeGenerated(pi.getId(), standardId(pi), DocumentKind.TRAINING_MATERIAL, "会场座次示范.mp4",
        "video/mp4", TestDocuments.mp4("isom"), "liuyang");
    complete(pi, TASK_RECORD_TRAINING, "liuyang",
        Map.of(Vars.TRAINING_DATE, today().toString(), Vars.TRAINING_ATTENDEES, "本科室全体"));
    for (String user : List.of("chenjing", "liuyang", "huanglei", "wutao", "zhengfang", "fengwei", "hejun")) {
      completeAssigned(pi, TASK_ACKNOWLEDGE_STANDARD, user, Map.of(Vars.ACKNOWLEDGED, true));
    }
    assertWaitingAt(pi, GATEWAY_IN_FORCE);
    return standardId(pi);
  }
}
