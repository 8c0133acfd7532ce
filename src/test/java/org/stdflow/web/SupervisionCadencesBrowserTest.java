package org.stdflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.MonthlyEvaluationProcess;
import org.stdflow.inspection.QuarterlyAssessmentProcess;
import org.stdflow.organisation.TasklistFilterSetup;

/**
 * The cadence forms in the real Tasklist: the monthly evaluation's prefilled dynamic list (one row
 * per section, Complete enabled thanks to stdflow-forms-fix.js, the server's refusal shown), and the
 * quarterly assessment's ranking table and section checklists.
 */
@StdflowSpringTest
class SupervisionCadencesBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  private TasklistSession tasklist;

  @BeforeEach
  void openBrowser() throws Exception {
    tasklist = TasklistSession.open(port);
  }

  @AfterEach
  void closeBrowser() {
    tasklist.close();
  }

  @Test
  void officeScoresEverySectionInTheDynamicList() {
    // a month no evaluation holds yet: other tests write evaluations of random past months too, and a
    // month already evaluated ends the run at once (该月已评价) with no task to open
    String month = Stream.generate(() -> (1960 + new Random().nextInt(20)) + "-0" + (1 + new Random().nextInt(9)))
        .filter(m -> jdbc.sql("SELECT COUNT(*) FROM insp_monthly_evaluation WHERE period_month = :m").param("m", m)
            .query(Long.class).single() == 0)
        .findFirst().orElseThrow();
    ProcessInstance pi = start("zhaomin", MonthlyEvaluationProcess.KEY, Map.of(MonthlyEvaluationProcess.Vars.MONTH, month));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();

    tasklist.login("zhaomin");
    tasklist.openTaskFromFilter(TasklistFilterSetup.SECTION_TASKS, task.getId(), "月度评价");
    tasklist.claim();
    assertThat(tasklist.bodyText()).contains("综合科").contains("办公用房管理科").contains("暂无应检记录").contains("本季度暂无测评").contains("0 件");
    List<WebElement> scores = tasklist.driver.findElements(By.xpath(
        "//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), '评分')]/following::input[1]"));
    assertThat(scores).hasSize(7);
    for (int i = 0; i < scores.size(); i++) {
      tasklist.js("arguments[0].scrollIntoView({block: 'center'})", scores.get(i));
      scores.get(i).sendKeys(i == 0 ? "50" : "80");
    }
    tasklist.wait.until(d -> d.findElements(By.xpath(
            "//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), '评分')]/following::input[1]"))
        .stream().filter(e -> !"".equals(e.getAttribute("value"))).count() == 7);
    tasklist.screenshot("cadence-monthly-evaluation");
    tasklist.complete();
    assertThat(tasklist.notification("评分低于 60 分时必须填写评语")).contains("第 1 行（综合科）")
        .doesNotContain("Cannot submit task form"); // FormValidationExceptionMapper on the webapps' engine API

    By firstComment = By.xpath(
        "(//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), '评语')]/following::textarea[1])[1]");
    // form-js re-renders the list while it validates and debounces what is typed into a textarea
    // (flushed on blur): type until the field holds the text, leave the field, and type again should
    // a re-render still have dropped it before 完成 (the server refuses the task with the same message)
    for (int attempt = 1; ; attempt++) {
      tasklist.closeNotifications();
      tasklist.wait.until(d -> {
        WebElement comment = d.findElement(firstComment);
        if (!"周报迟交，检查漏检".equals(comment.getAttribute("value"))) {
          tasklist.js("arguments[0].scrollIntoView({block: 'center'})", comment);
          comment.clear();
          comment.sendKeys("周报迟交，检查漏检");
        }
        tasklist.js("arguments[0].blur()", d.findElement(firstComment));
        return "周报迟交，检查漏检".equals(d.findElement(firstComment).getAttribute("value"));
      });
      tasklist.complete();
      boolean refusedAgain;
      try {
        tasklist.wait.withTimeout(Duration.ofSeconds(10)).until(d -> isEnded(pi)
            || d.findElements(TasklistSession.PAGE_NOTIFICATIONS).stream()
                .anyMatch(n -> n.isDisplayed() && n.getText().contains("评分低于 60 分时必须填写评语")));
        refusedAgain = !isEnded(pi);
      } catch (RuntimeException e) {
        refusedAgain = false;
      }
      if (!refusedAgain || attempt == 3) {
        break;
      }
    }
    try {
      tasklist.wait.withTimeout(Duration.ofSeconds(20)).until(d -> isEnded(pi));
    } catch (RuntimeException e) {
      tasklist.screenshot("cadence-monthly-not-completed");
      throw new AssertionError("not completed; page shows: " + tasklist.bodyText(), e);
    }

    assertThat(jdbc.sql("SELECT section_id || ':' || score || ':' || COALESCE(evaluation_comment, '') FROM insp_monthly_evaluation"
            + " WHERE period_month = :m ORDER BY section_id").param("m", month).query(String.class).list())
        .hasSize(7).contains("sec-general:50:周报迟交，检查漏检", "sec-canteen:80:");
  }

  @Test
  void leadershipSeesTheRankingAndPicksSectionsToPraiseAndCriticise() {
    String quarter = (1930 + new Random().nextInt(20)) + "-Q3";
    ProcessInstance pi = start("lihong", QuarterlyAssessmentProcess.KEY, Map.of(QuarterlyAssessmentProcess.Vars.QUARTER, quarter));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();

    tasklist.login("wangjianguo");
    tasklist.openTaskFromFilter(TasklistFilterSetup.APPROVALS, task.getId(), "季度考核");
    tasklist.claim();
    WebElement table = tasklist.wait.until(d -> d.findElement(By.cssSelector(".fjs-container table")));
    assertThat(table.getText()).contains("名次").contains("综合科").contains("无月度评价").contains("检查合格率（无月度评价）");
    tasklist.tick("物业管理科"); // the first list: 表扬
    WebElement criticised = tasklist.driver.findElement(By.xpath(
        "(//div[contains(@class,'fjs-container')]//label[normalize-space()='接待科']/input[@type='checkbox'])[2]"));
    tasklist.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", criticised);
    tasklist.type("通报批评事由", "季度内多次未按期整改");
    tasklist.screenshot("cadence-quarterly-assessment");
    tasklist.complete();
    tasklist.wait.withTimeout(Duration.ofSeconds(20)).until(d -> engine.getManagementService().createJobQuery()
        .processInstanceId(pi.getId()).activityId(QuarterlyAssessmentProcess.TASK_CIRCULATE_CRITICISM).count() == 1);

    assertThat(jdbc.sql("SELECT kind || ':' || section_id FROM insp_commendation WHERE period = :q ORDER BY kind")
        .param("q", quarter).query(String.class).list()).containsExactly("CRITICISM:sec-reception", "PRAISE:sec-property");
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(pi.getId()).singleResult().getId());
    assertThat(isEnded(pi)).isTrue();
  }

  private ProcessInstance start(String user, String key, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, engine.getIdentityService().createGroupQuery().groupMember(user)
        .list().stream().map(g -> g.getId()).toList());
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private boolean isEnded(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }
}
