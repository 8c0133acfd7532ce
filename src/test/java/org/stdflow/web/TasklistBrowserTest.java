package org.stdflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.stdflow.StdflowSpringTest;
import org.stdflow.standard.StandardLifecycleProcess.Vars;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.standard.StandardLifecycleProcessTestData;

/**
 * A section head logs in to the real Tasklist in headless Chromium, sees the Chinese UI, opens the
 * task the office returned to them, edits its Camunda Form and completes it; the process moves on.
 */
@StdflowSpringTest
@ExtendWith(BrowserExtension.class)
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  // a fresh browser for each test (BrowserExtension)
  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void sectionHeadCompletesTheSupplementFormInChineseTasklist() {
    ProcessInstance pi = returnedProposal();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    String filterId = engine.getFilterService().createFilterQuery().filterName("我的待办").singleResult().getId();

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("登录");
    Browser.screenshot(driver, "tasklist-login");
    Browser.logIn(driver, wait, "liuyang", "demo");
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filterId + "&task=" + task.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "补充立项材料"));
    WebElement scope = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//label[contains(normalize-space(), '适用范围')]/following::textarea[1]")));
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains("请补充适用范围")          // the office's reason, shown in the form
        .contains("完成");                 // Chinese Complete button
    assertThat(scope.getAttribute("value")).isEqualTo("适用于区机关事务管理局所属 4 个机关食堂");
    assertThat(driver.findElement(By.tagName("body")).getText()).as("names in Chinese order").contains("刘 洋");
    // pins tasklist/scripts/stdflow-forms-fix.js against the form-js build shipped with 7.24
    assertThat(((JavascriptExecutor) driver).executeScript(
        "return window.stdflowFormsFix && window.stdflowFormsFix.applied === true")).isEqualTo(true);
    Browser.screenshot(driver, "tasklist-supplement-form");

    scope.clear();
    scope.sendKeys("适用于 4 个机关食堂及行政中心会议室茶歇服务");
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='完成']")));
    complete.click();

    wait.withTimeout(Duration.ofSeconds(20)).until(d -> engine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).taskDefinitionKey(StandardLifecycleProcess.TASK_FORMAL_CHECK).count() == 1);
    Browser.screenshot(driver, "tasklist-after-complete");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.SCOPE))
        .isEqualTo("适用于 4 个机关食堂及行政中心会议室茶歇服务");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(task.getId())
        .operationType("Complete").singleResult().getUserId()).isEqualTo("liuyang");
  }

  /** A proposal by liuyang that the office sent back for supplement. */
  private ProcessInstance returnedProposal() {
    var identity = engine.getIdentityService();
    identity.setAuthentication("liuyang", java.util.List.of("sec-canteen"));
    ProcessInstance pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey(StandardLifecycleProcess.KEY,
          StandardLifecycleProcessTestData.proposal("机关食堂服务规范（浏览器测试）-" + java.util.UUID.randomUUID().toString().substring(0, 6)));
    } finally {
      identity.clearAuthentication();
    }
    Task check = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    engine.getTaskService().complete(check.getId(),
        Map.of(Vars.FORMAL_CHECK_DECISION, "supplement", Vars.FORMAL_CHECK_REASON, "请补充适用范围"));
    return pi;
  }
}
