package org.stdflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.stdflow.evaluation.FeedbackProcess;
import org.stdflow.evaluation.SatisfactionSurveyProcess;
import org.stdflow.organisation.TasklistFilterSetup;

/**
 * The evaluation forms in the real Tasklist: the office triages a complaint (section select filled
 * from a variable), the submitter rates the reply, and the office enters a service's survey results
 * in the prefilled dynamic list of counts, with the server's refusal shown first.
 */
@StdflowSpringTest
class EvaluationBrowserTest {

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
  void theOfficeTriagesAComplaintAndTheSubmitterRatesTheReply() {
    Map<String, Object> v = new HashMap<>();
    v.put(FeedbackProcess.Vars.FEEDBACK_TYPE, "COMPLAINT");
    v.put(FeedbackProcess.Vars.DESCRIPTION, "第二食堂早餐豆浆多次供应不足，七点半后即无");
    ProcessInstance pi = start("huanglei", FeedbackProcess.KEY, v);
    Task triage = task(pi, FeedbackProcess.TASK_TRIAGE);

    tasklist.login("zhaomin");
    tasklist.openTaskFromFilter(TasklistFilterSetup.SECTION_TASKS, triage.getId(), "分办");
    tasklist.claim();
    assertThat(tasklist.bodyText()).contains("第二食堂早餐豆浆多次供应不足").contains("黄 磊".replace(" ", ""));
    tasklist.tick("受理，交承办科室答复");
    tasklist.choose("承办科室", "食堂管理科");
    tasklist.tick("交承办科室核实");
    tasklist.screenshot("feedback-triage");
    tasklist.complete();
    tasklist.wait.withTimeout(Duration.ofSeconds(20)).until(d -> task(pi, FeedbackProcess.TASK_REPLY) != null);
    tasklist.logout();

    Task reply = task(pi, FeedbackProcess.TASK_REPLY);
    engine.getIdentityService().setAuthentication("liuyang", List.of("sec-canteen"));
    try {
      engine.getTaskService().claim(reply.getId(), "liuyang");
      engine.getTaskService().complete(reply.getId(), Map.of(FeedbackProcess.Vars.REPLY,
          "经核实属实，已要求早餐豆浆按就餐人数备足并延长供应至八点", FeedbackProcess.Vars.SECTION_VERDICT, "substantiated"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Task rate = task(pi, FeedbackProcess.TASK_RATE);

    tasklist.login("huanglei");
    tasklist.openTaskFromFilter(TasklistFilterSetup.MY_TASKS, rate.getId(), "评价答复");
    assertThat(tasklist.bodyText()).contains("已要求早餐豆浆按就餐人数备足").contains("已向食堂管理科下达整改通知");
    tasklist.tick("5 分 非常满意");
    tasklist.type("评价意见", "第二天就改进了");
    tasklist.screenshot("feedback-rate");
    tasklist.complete();
    tasklist.wait.withTimeout(Duration.ofSeconds(20)).until(d -> isEnded(pi));

    assertThat(jdbc.sql("SELECT status || ':' || rating || ':' || rating_comment || ':' || section_id FROM ev_feedback "
        + "WHERE process_instance_id = :pi").param("pi", pi.getId()).query(String.class).single())
        .isEqualTo("RATED:5:第二天就改进了:sec-canteen");
  }

  @Test
  void theOfficeEntersSurveyResultsInTheDynamicList() {
    String quarter = (1880 + new java.util.Random().nextInt(20)) + "-Q1";
    ProcessInstance round = start("zhaomin", SatisfactionSurveyProcess.KEY,
        Map.of(SatisfactionSurveyProcess.Vars.QUARTER, quarter));
    long canteen = jdbc.sql("SELECT id FROM ev_survey WHERE service = 'canteen'").query(Long.class).single();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(round.getId()).list().stream()
        .filter(t -> ((Number) engine.getTaskService().getVariable(t.getId(), "surveyId")).longValue() == canteen)
        .findFirst().orElseThrow();

    tasklist.login("zhaomin");
    tasklist.openTaskFromFilter(TasklistFilterSetup.SECTION_TASKS, task.getId(), "录入测评结果");
    tasklist.claim();
    assertThat(tasklist.bodyText()).contains("机关食堂就餐服务").contains("饭菜质量与口味").contains("服务人员态度");
    tasklist.type("参评人数", "5");
    List<WebElement> fives = fields("5 分（非常满意）");
    List<WebElement> fours = fields("4 分（满意）");
    List<WebElement> threes = fields("3 分（一般）");
    assertThat(fives).hasSize(4);
    for (int i = 0; i < 4; i++) {
      typeInto(fives.get(i), "6");
      typeInto(fours.get(i), "3");
      typeInto(threes.get(i), "1");
    }
    tasklist.screenshot("survey-results");
    tasklist.complete();
    assertThat(tasklist.notification("超过参评人数")).contains("第 1 题（饭菜质量与口味）的答题人数合计 10 人");

    tasklist.closeNotifications();
    WebElement respondents = tasklist.driver.findElement(TasklistSession.fieldAfterLabel("参评人数", "input"));
    tasklist.js("arguments[0].scrollIntoView({block: 'center'})", respondents);
    respondents.sendKeys("0"); // 5 → 50
    tasklist.complete();
    tasklist.wait.withTimeout(Duration.ofSeconds(20)).until(d -> jdbc.sql(
        "SELECT COUNT(*) FROM ev_survey_result WHERE quarter = :q AND survey_id = :s").param("q", quarter)
        .param("s", canteen).query(Integer.class).single() == 1);

    Map<String, Object> row = jdbc.sql("SELECT respondents, answers, satisfied_answers, satisfaction_rate "
        + "FROM ev_survey_result WHERE quarter = :q AND survey_id = :s").param("q", quarter).param("s", canteen)
        .query().singleRow();
    assertThat(row).containsEntry("RESPONDENTS", 50).containsEntry("ANSWERS", 40).containsEntry("SATISFIED_ANSWERS", 36);
    assertThat((BigDecimal) row.get("SATISFACTION_RATE")).isEqualByComparingTo("90");
    engine.getRuntimeService().deleteProcessInstance(round.getId(), "test: one service entered in the browser");
  }

  private List<WebElement> fields(String label) {
    return tasklist.driver.findElements(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with("
        + "normalize-space(), '" + label + "')]/following::input[1]"));
  }

  private void typeInto(WebElement input, String text) {
    tasklist.js("arguments[0].scrollIntoView({block: 'center'})", input);
    input.sendKeys(text);
  }

  private Task task(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private boolean isEnded(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
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
}
