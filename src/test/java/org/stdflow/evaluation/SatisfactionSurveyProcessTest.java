package org.stdflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.evaluation.SatisfactionSurveyProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.evaluation.SatisfactionSurveyProcess.Vars;
import org.stdflow.inspection.InspectionRecords;
import org.stdflow.inspection.RectificationProcess;
import org.stdflow.platform.validation.FormValidationException;

/**
 * satisfaction-survey: a round with one service below the threshold (rectification with the worst
 * questions) and the others at or above it; a second round for the same quarter finding nothing to
 * do; the quarterly timer; bad input on the start form and the results form, also through REST.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SatisfactionSurveyProcessTest extends SurveyTestSupport {

  private static final int[] ALL_FIVES = {0, 0, 0, 0, 10};

  @Test
  void aServiceBelowTheThresholdGetsARectificationTheOthersDoNot() {
    String quarter = pastQuarter();
    ProcessInstance round = startRound("zhaomin", quarter);
    assertThat(round).isWaitingAt(TASK_ENTER_RESULTS);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(round.getId()).singleResult()
        .getBusinessKey()).isEqualTo("survey-" + quarter);
    List<Task> tasks = tasks(round, TASK_ENTER_RESULTS);
    assertThat(tasks).hasSize(5);
    assertThat(candidateGroups(tasks.get(0))).containsExactly("std-office");
    assertThat(engine.getTaskService().getVariableLocal(resultsTask(round, "canteen").getId(), "listTitle").toString())
        .isEqualTo("机关食堂就餐服务（" + engine.getRuntimeService().getVariable(round.getId(), Vars.QUARTER_LABEL) + "）");
    assertThat(engine.getTaskService().getVariable(resultsTask(round, "meeting").getId(), Vars.SECTION))
        .isEqualTo("sec-reception");

    // canteen: 20 respondents, 68 of 80 answers are 4 or 5 = 85 %
    Task canteen = resultsTask(round, "canteen");
    doComplete(canteen, "zhaomin", results(canteen, 20L,
        new int[] {0, 2, 4, 8, 6}, new int[] {0, 0, 2, 10, 8}, new int[] {0, 0, 0, 10, 10}, new int[] {1, 1, 2, 6, 10}));
    // property: exactly 90 % is not below the threshold
    Task property = resultsTask(round, "property");
    doComplete(property, "qianjing", results(property, 10L, new int[] {0, 0, 1, 4, 5}));
    for (String service : List.of("meeting", "vehicle", "office-space")) {
      Task t = resultsTask(round, service);
      doComplete(t, "zhaomin", results(t, 10L, ALL_FIVES));
    }

    assertThat(round).hasPassed(TASK_PREPARE_ROUND, TASK_PREPARE_FORM, GATEWAY_BELOW_THRESHOLD,
        TASK_OPEN_RECTIFICATION, END_RECTIFICATION_OPENED, END_SATISFIED, END_ROUND_DONE).isEnded();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(round.getId())
        .activityId(TASK_OPEN_RECTIFICATION).count()).isEqualTo(1);

    Map<String, Object> canteenResult = result(quarter, "canteen");
    assertThat(canteenResult).containsEntry("RESPONDENTS", 20).containsEntry("ANSWERS", 80)
        .containsEntry("SATISFIED_ANSWERS", 68).containsEntry("BELOW_THRESHOLD", true)
        .containsEntry("SECTION_ID", "sec-canteen").containsEntry("ENTERED_BY", "zhaomin");
    assertThat((BigDecimal) canteenResult.get("SATISFACTION_RATE")).isEqualByComparingTo("85.00");
    assertThat((BigDecimal) canteenResult.get("THRESHOLD")).isEqualByComparingTo("90");
    Map<String, Object> propertyResult = result(quarter, "property");
    assertThat((BigDecimal) propertyResult.get("SATISFACTION_RATE")).isEqualByComparingTo("90.00");
    assertThat(propertyResult).containsEntry("BELOW_THRESHOLD", false).containsEntry("ENTERED_BY", "qianjing");
    assertThat(propertyResult.get("RECTIFICATION_ID")).isNull();

    long rectificationId = ((Number) canteenResult.get("RECTIFICATION_ID")).longValue();
    assertThat(jdbc.sql("SELECT source FROM insp_rectification WHERE id = :id").param("id", rectificationId)
        .query(String.class).single()).isEqualTo("SURVEY");
    // the questions below 90 %: 饭菜质量与口味 (70 %) and 服务人员态度 (80 %), lowest first
    assertThat(records.findings(rectificationId)).extracting(InspectionRecords.Finding::clauseRef)
        .containsExactly("测评第 1 题", "测评第 4 题");
    assertThat(records.findings(rectificationId)).extracting(InspectionRecords.Finding::requirement)
        .containsExactly("机关食堂就餐服务：饭菜质量与口味（满意率 70%）", "机关食堂就餐服务：服务人员态度（满意率 80%）");
    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RectificationProcess.KEY).processInstanceBusinessKey(String.format("ZG%06d", rectificationId))
        .singleResult();
    assertThat(run).isWaitingAt(RectificationProcess.TASK_SUBMIT_REPORT);
    assertThat(engine.getRuntimeService().getVariable(run.getId(), RectificationProcess.Vars.SEVERITY)).isEqualTo("MINOR");
    assertThat(outbox("rectification-notice:" + rectificationId + ":1:")).containsExactly("rectification-notice:liuyang");
    // the notice says where the problems come from, and names no standard it has not
    Map<String, Object> notice = jdbc.sql("SELECT subject, body_text FROM ntf_notification WHERE idempotency_key LIKE :k")
        .param("k", "rectification-notice:" + rectificationId + ":1:%").query().singleRow();
    assertThat(notice.get("SUBJECT").toString()).startsWith("【整改通知】机关食堂就餐服务").endsWith("（第 1 轮）")
        .doesNotContain("未关联标准");
    assertThat(notice.get("BODY_TEXT").toString()).contains("经满意度测评，发现食堂管理科存在以下问题")
        .contains("整改事项：机关食堂就餐服务").doesNotContain("检查地点");
    assertThat(engine.getTaskService().getVariableLocal(
        engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult().getId(), "listTitle")
        .toString()).startsWith("机关食堂就餐服务").doesNotContain("未关联标准");
    assertThat(jdbc.sql("SELECT count_1 || ',' || count_2 || ',' || count_3 || ',' || count_4 || ',' || count_5 "
        + "FROM ev_survey_answer WHERE result_id = :r ORDER BY sort_order").param("r", canteenResult.get("ID"))
        .query(String.class).list()).containsExactly("0,2,4,8,6", "0,0,2,10,8", "0,0,0,10,10", "1,1,2,6,10");

    // a second round for the same quarter has nothing left to survey
    ProcessInstance again = startRound("zhaomin", quarter);
    assertThat(again).hasPassed(END_NOTHING_TO_SURVEY).hasNotPassed(SUBPROCESS_SERVICE).isEnded();
  }

  @Test
  void aFarLowerRateIsAMajorRectificationNamingAtMostThreeQuestions() {
    String quarter = pastQuarter();
    ProcessInstance round = startRound("zhaomin", quarter);
    Task canteen = resultsTask(round, "canteen");
    // 1 of 10 satisfied on every question: 10 %, far below 90 %
    doComplete(canteen, "zhaomin", results(canteen, 10L, new int[] {3, 3, 3, 1, 0}));
    long id = ((Number) result(quarter, "canteen").get("RECTIFICATION_ID")).longValue();
    assertThat(records.findings(id)).hasSize(3).extracting(InspectionRecords.Finding::clauseRef)
        .containsExactly("测评第 1 题", "测评第 2 题", "测评第 3 题");
    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(String.format("ZG%06d", id)).singleResult();
    assertThat(engine.getRuntimeService().getVariable(run.getId(), RectificationProcess.Vars.SEVERITY)).isEqualTo("MAJOR");

    // a second round of the quarter while the first still waits for four services: those are not
    // given a second task (it could never be completed once the first one is), nothing is left
    ProcessInstance again = startRound("zhaomin", quarter);
    assertThat(again).hasPassed(END_NOTHING_TO_SURVEY).hasNotPassed(SUBPROCESS_SERVICE).isEnded();
    assertThat(tasks(round, TASK_ENTER_RESULTS)).hasSize(4);

    enterAll(round, "zhaomin", 10, ALL_FIVES);
    assertThat(round).isEnded();
  }

  @Test
  void theQuarterlyTimerSurveysTheQuarterJustEnded() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    assertThat(timer).as("timer start job").isNotNull();
    engine.getManagementService().executeJob(timer.getId());

    String previous = SurveyQuarter.of(LocalDate.now(clock)).previous().toString();
    ProcessInstance round = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey("survey-" + previous).active().list().get(0);
    assertThat(round).isWaitingAt(TASK_ENTER_RESULTS);
    assertThat(engine.getRuntimeService().getVariable(round.getId(), Vars.QUARTER)).isEqualTo(previous);
    assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().count())
        .as("the next quarter's timer").isEqualTo(1);
    engine.getRuntimeService().deleteProcessInstance(round.getId(), "test: timer start checked");
  }

  @Test
  void aBadQuarterIsRejected() {
    assertThatThrownBy(() -> startRound("zhaomin", "2026-Q5"))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry(Vars.QUARTER, "测评季度格式应为 YYYY-Qn，例如 2026-Q3（收到“2026-Q5”）"));
    assertThatThrownBy(() -> startRound("zhaomin", "2999-Q1")).hasMessageContaining("测评季度不能晚于本季度");
    RestClient.Response r = RestClient.as(port, "zhaomin", "demo").post(
        "/engine-rest/process-definition/key/" + KEY + "/submit-form",
        Map.of("variables", Map.of(Vars.QUARTER, Map.of("value", "Q3-2026", "type", "String"))));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/fieldErrors/quarter").asText()).startsWith("测评季度格式应为 YYYY-Qn");
    // only the office starts a round by hand
    RestClient.Response bySection = RestClient.as(port, "liuyang", "demo").post(
        "/engine-rest/process-definition/key/" + KEY + "/submit-form",
        Map.of("variables", Map.of(Vars.QUARTER, Map.of("value", pastQuarter(), "type", "String"))));
    assertThat(bySection.status()).isEqualTo(403);
  }

  @Test
  void resultsOutOfScaleOrInconsistentAreRejected() {
    String quarter = pastQuarter();
    ProcessInstance round = startRound("zhaomin", quarter);
    Task task = resultsTask(round, "vehicle");

    assertThatThrownBy(() -> doComplete(task, "zhaomin", results(task, 0L, ALL_FIVES)))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry(Vars.RESPONDENTS, "参评人数须为正整数（收到“0”）"));
    assertThatThrownBy(() -> doComplete(task, "zhaomin", results(task, null, ALL_FIVES)))
        .hasMessageContaining("参评人数不能为空");
    assertThatThrownBy(() -> doComplete(task, "zhaomin", results(task, 10L, new int[] {0, -1, 0, 5, 5})))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry("surveyAnswers[0].n2", "第 1 题（派车及时性）：2 分的人数须为不小于 0 的整数（收到“-1”）"));
    assertThatThrownBy(() -> doComplete(task, "zhaomin", results(task, 10L, new int[] {0, 0, 0, 6, 5})))
        .hasMessageContaining("第 1 题（派车及时性）的答题人数合计 11 人，超过参评人数 10 人");
    assertThatThrownBy(() -> doComplete(task, "zhaomin", results(task, 10L, new int[] {0, 0, 0, 0, 0})))
        .hasMessageContaining("第 1 题（派车及时性）没有填写任何答题人数");

    // an answer out of the scale 1..5 (a 6 sent through the API)
    List<Map<String, Object>> rows = rows(task, ALL_FIVES);
    rows.get(1).put("n6", 2);
    assertThatThrownBy(() -> doComplete(task, "zhaomin", resultsOf(10L, rows)))
        .hasMessageContaining("第 2 题（车辆整洁与车况）：评分只能为 1–5 分，不能填写 6 分的人数");
    assertThatThrownBy(() -> doComplete(task, "zhaomin", resultsOf(10L, rows(task, ALL_FIVES).subList(0, 2))))
        .hasMessageContaining("应填写 3 个问题的结果，提交了 2 个");

    // through Camunda's REST API as Tasklist does: 400 with the field's message, the task stays
    RestClient office = RestClient.as(port, "zhaomin", "demo");
    office.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "zhaomin"));
    List<Map<String, Object>> outOfScale = rows(task, ALL_FIVES);
    outOfScale.get(0).put("n0", 1);
    RestClient.Response r = office.post("/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", Map.of(
        Vars.RESPONDENTS, Map.of("value", 10, "type", "Long"),
        Vars.SURVEY_ANSWERS, Map.of("value", org.camunda.spin.Spin.JSON(outOfScale).toString(), "type", "Json"))));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/fieldErrors/surveyAnswers[0].n0").asText())
        .isEqualTo("第 1 题（派车及时性）：评分只能为 1–5 分，不能填写 0 分的人数");
    assertThat(round).isWaitingAt(TASK_ENTER_RESULTS);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ev_survey_result WHERE quarter = :q").param("q", quarter)
        .query(Integer.class).single()).isZero();

    doComplete(task, "zhaomin", results(task, 10L, ALL_FIVES));
    assertThat((BigDecimal) result(quarter, "vehicle").get("SATISFACTION_RATE")).isEqualByComparingTo("100");
  }

  private List<Map<String, Object>> rows(Task task, int[] counts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : org.stdflow.standard.LifecycleValues.rows(
        engine.getTaskService().getVariable(task.getId(), Vars.SURVEY_ANSWERS))) {
      Map<String, Object> r = new LinkedHashMap<>(row);
      for (int p = 1; p <= 5; p++) {
        r.put("n" + p, counts[p - 1]);
      }
      out.add(r);
    }
    return out;
  }

  private Map<String, Object> result(String quarter, String service) {
    return jdbc.sql("SELECT * FROM ev_survey_result WHERE quarter = :q AND survey_id = :s").param("q", quarter)
        .param("s", surveyOf(service)).query().singleRow();
  }
}
