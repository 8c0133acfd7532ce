package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.MonthlyEvaluationProcess.*;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.MonthlyEvaluationProcess.Vars;
import org.stdflow.platform.validation.FormValidationException;

/**
 * monthly-evaluation (月评价): the month's figures per section as the office sees them, the
 * recorded evaluations, a month evaluated already, the timer start for the previous month, and the
 * server's refusals (score range, comment below 60, every section, malformed or future month).
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MonthlyEvaluationProcessTest extends CadenceTestSupport {

  private static final String START_URL = "/engine-rest/process-definition/key/" + KEY + "/start";

  @Test
  void officeEvaluatesEverySectionOnTheMonthsFiguresAndTheMonthIsNotEvaluatedTwice() {
    YearMonth month = randomPastMonth();
    inspection("sec-canteen", month.atDay(3), "PASSED");
    inspection("sec-canteen", month.atDay(15), "MISSED");
    inspection("sec-canteen", month.minusMonths(1).atEndOfMonth(), "PASSED"); // another month
    // failed on the 10th, closed on the 20th: opened and closed, not overdue
    rectification("sec-canteen", month.atDay(10).atTime(9, 0), month.atDay(20).atTime(9, 0),
        month.atDay(17).atTime(18, 0), month.atDay(16).atTime(9, 0));
    criticism("sec-canteen", month.atDay(21).atTime(15, 0));
    complaint("sec-canteen", month.atDay(2).atTime(10, 0));
    complaint("sec-canteen", month.atEndOfMonth().atTime(16, 0));
    complaint("sec-canteen", month.plusMonths(1).atDay(1).atTime(8, 0)); // next month
    surveyResult("canteen", month, "87.50");
    // failed on the 5th, deadline the 12th, still open at the end of the month: overdue (closed days later,
    // so later periods of the shared database — the statistics tests' — do not see it open)
    rectification("sec-energy", month.atDay(5).atTime(9, 0), month.plusMonths(1).atDay(3).atTime(9, 0),
        month.atDay(12).atTime(18, 0), null);

    RestClient.Response started = rest("zhaomin").post(START_URL,
        RestClient.variables(Map.of(Vars.MONTH, month.toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    ProcessInstance pi = instance(started.json().get("id").asText());
    assertThat(pi).hasPassed(START, TASK_GATHER).isWaitingAt(TASK_EVALUATE).variables()
        .containsEntry(Vars.EVALUATION_MONTH, month.toString()).containsEntry("initiator", "zhaomin");
    Task task = tasks(pi, TASK_EVALUATE).get(0);
    assertThat(candidateGroups(task)).containsExactly("std-office");
    // Tasklist's list tells one month's evaluation from another's
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "listTitle"))
        .isEqualTo(month.getYear() + " 年 " + month.getMonthValue() + " 月");

    Map<String, SpinJsonNode> rows = rowsBySection(engine.getTaskService().getVariable(task.getId(), Vars.EVALUATION_ROWS));
    assertThat(rows.keySet()).containsExactlyElementsOf(SECTIONS);
    SpinJsonNode canteen = rows.get("sec-canteen");
    assertThat(canteen.prop("sectionName").stringValue()).isEqualTo("食堂管理科");
    assertThat(canteen.prop("inspections").numberValue()).isEqualTo(2);
    assertThat(canteen.prop("failed").numberValue()).isEqualTo(1);
    assertThat(canteen.prop("missed").numberValue()).isEqualTo(1);
    assertThat(canteen.prop("passRateText").stringValue()).isEqualTo("33.3%");
    assertThat(canteen.prop("rectOpened").numberValue()).isEqualTo(1);
    assertThat(canteen.prop("rectClosed").numberValue()).isEqualTo(1);
    assertThat(canteen.prop("rectOverdue").numberValue()).isEqualTo(0);
    assertThat(canteen.prop("criticisms").numberValue()).isEqualTo(1);
    // complaints given to the section this month, and its services' satisfaction this quarter
    assertThat(canteen.prop("complaints").numberValue()).isEqualTo(2);
    assertThat(canteen.prop("complaintsText").stringValue()).isEqualTo("2 件");
    assertThat(canteen.prop("satisfactionText").stringValue()).isEqualTo("87.5%");
    assertThat(rows.get("sec-energy").prop("complaintsText").stringValue()).isEqualTo("0 件");
    assertThat(rows.get("sec-energy").prop("satisfactionText").stringValue()).isEqualTo("本季度暂无测评");
    SpinJsonNode energy = rows.get("sec-energy");
    assertThat(energy.prop("passRateText").stringValue()).isEqualTo("0%");
    assertThat(energy.prop("rectOverdue").numberValue()).isEqualTo(1);
    assertThat(rows.get("sec-vehicle").prop("passRateText").stringValue()).isEqualTo("暂无应检记录");

    Map<String, Integer> scores = new LinkedHashMap<>();
    SECTIONS.forEach(s -> scores.put(s, 90));
    scores.put("sec-canteen", 55);
    scores.put("sec-energy", 70);
    complete(task, "zhaomin", Map.of(Vars.EVALUATION_ROWS, submitted(scores, Map.of("sec-canteen", "整改不及时，漏检 1 次"))));

    assertThat(pi).hasPassed(END_EVALUATED).isEnded();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_monthly_evaluation WHERE period_month = :m").param("m", month.toString())
        .query(Long.class).single()).isEqualTo(SECTIONS.size());
    Map<String, Object> row = jdbc.sql("SELECT * FROM insp_monthly_evaluation WHERE period_month = :m AND section_id = 'sec-canteen'")
        .param("m", month.toString()).query().singleRow();
    assertThat(row).containsEntry("SCORE", 55).containsEntry("EVALUATION_COMMENT", "整改不及时，漏检 1 次")
        .containsEntry("INSPECTIONS", 2).containsEntry("FAILED", 1).containsEntry("MISSED", 1)
        .containsEntry("RECT_OPENED", 1).containsEntry("RECT_CLOSED", 1).containsEntry("RECT_OVERDUE", 0)
        .containsEntry("CRITICISMS", 1).containsEntry("COMPLAINTS", 2)
        .containsEntry("EVALUATED_BY", "zhaomin").containsEntry("PROCESS_INSTANCE_ID", pi.getId());
    assertThat(((java.math.BigDecimal) row.get("PASS_RATE")).doubleValue()).isEqualTo(33.3);
    // what the form showed of evaluation is recorded too; a section without a survey keeps none
    assertThat(((java.math.BigDecimal) row.get("SATISFACTION")).doubleValue()).isEqualTo(87.5);
    Map<String, Object> energyRow = jdbc.sql(
            "SELECT complaints, satisfaction FROM insp_monthly_evaluation WHERE period_month = :m AND section_id = 'sec-energy'")
        .param("m", month.toString()).query().singleRow();
    assertThat(energyRow).containsEntry("COMPLAINTS", 0).containsEntry("SATISFACTION", null);

    ProcessInstance again = startAs("zhaomin", KEY, Map.of(Vars.MONTH, month.toString()));
    assertThat(again).hasPassed(TASK_GATHER, END_ALREADY_EVALUATED).hasNotPassed(TASK_EVALUATE).isEnded();
  }

  @Test
  void timerStartEvaluatesThePreviousMonth() {
    YearMonth previous = YearMonth.now(clock).minusMonths(1);
    ProcessInstance pi = fireTimerStart(KEY);
    assertThat(pi).hasPassed(START, TASK_GATHER);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.EVALUATION_MONTH).singleResult().getValue()).isEqualTo(previous.toString());
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      assertThat(pi).isWaitingAt(TASK_EVALUATE);
      assertThat(tasks(pi, TASK_EVALUATE).get(0).getDueDate()).isNotNull();
      engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test: the real previous month is left to the office");
    } else {
      assertThat(pi).hasPassed(END_ALREADY_EVALUATED);
    }
    assertThat(timerStartJob(KEY)).as("the cycle goes on").isNotNull();
  }

  @Test
  void badEvaluationsAndBadStartsAreRefusedWithChineseMessages() {
    YearMonth month = randomPastMonth();
    ProcessInstance pi = startAs("qianjing", KEY, Map.of(Vars.MONTH, month.toString()));
    Task task = tasks(pi, TASK_EVALUATE).get(0);

    Map<String, Integer> scores = new LinkedHashMap<>();
    SECTIONS.forEach(s -> scores.put(s, 80));
    scores.put("sec-property", 101);
    scores.put("sec-vehicle", 50);
    assertThatThrownBy(() -> complete(task, "zhaomin", Map.of(Vars.EVALUATION_ROWS, submitted(scores, Map.of()))))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry("evaluationRows[2].score", "第 3 行（物业管理科）评分须为 0–100 的整数")
            .containsEntry("evaluationRows[3].comment", "第 4 行（公务用车管理科）评分低于 60 分时必须填写评语"));

    Map<String, Integer> some = new LinkedHashMap<>();
    some.put("sec-general", 80);
    assertThatThrownBy(() -> complete(task, "zhaomin", Map.of(Vars.EVALUATION_ROWS, submitted(some, Map.of()))))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.EVALUATION_ROWS, "须为每个科室评分（评价列表与科室不一致）"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_monthly_evaluation WHERE period_month = :m").param("m", month.toString())
        .query(Long.class).single()).isZero();
    assertThat(pi).isWaitingAt(TASK_EVALUATE);

    RestClient zhaomin = rest("zhaomin");
    RestClient.Response malformed = zhaomin.post(START_URL, RestClient.variables(Map.of(Vars.MONTH, "2026-13")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("fieldErrors").get(Vars.MONTH).asText()).isEqualTo("评价月份格式应为 YYYY-MM，例如 2026-10");
    RestClient.Response future = zhaomin.post(START_URL,
        RestClient.variables(Map.of(Vars.MONTH, YearMonth.now(clock).plusMonths(1).toString())));
    assertThat(future.json().get("message").asText()).contains("只能评价已结束的月份");
    // nor the month still running: its evaluation would pre-empt the timer's of the whole month
    RestClient.Response current = zhaomin.post(START_URL, RestClient.variables(Map.of(Vars.MONTH, YearMonth.now(clock).toString())));
    assertThat(current.status()).isEqualTo(400);
    assertThat(current.json().get("fieldErrors").get(Vars.MONTH).asText())
        .isEqualTo("只能评价已结束的月份（本月 " + YearMonth.now(clock) + " 结束后由系统于下月初自动发起）");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
  }

  private static Map<String, SpinJsonNode> rowsBySection(Object rows) {
    Map<String, SpinJsonNode> out = new LinkedHashMap<>();
    ((SpinJsonNode) rows).elements().forEach(r -> out.put(r.prop("sectionId").stringValue(), r));
    return out;
  }

  /** What form-js submits: the editable and readonly fields of each row (text-only values are dropped). */
  private static SpinJsonNode submitted(Map<String, Integer> scores, Map<String, String> comments) {
    List<Map<String, Object>> rows = new ArrayList<>();
    scores.forEach((section, score) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sectionId", section);
      row.put("score", score);
      row.put("comment", comments.getOrDefault(section, ""));
      rows.add(row);
    });
    return Spin.JSON(rows);
  }

  private void complaint(String section, java.time.LocalDateTime at) {
    jdbc.sql("""
            INSERT INTO ev_feedback (feedback_type, status, section_id, submitter, description, submitted_at)
            VALUES ('COMPLAINT', 'ASSIGNED', :s, 'sunli', '午餐供应时间不足，12:10 后已无菜品', :at)""")
        .param("s", section).param("at", java.sql.Timestamp.valueOf(at)).update();
  }

  private void surveyResult(String service, YearMonth month, String rate) {
    jdbc.sql("""
            INSERT INTO ev_survey_result (survey_id, quarter, section_id, respondents, answers, satisfied_answers,
                                          satisfaction_rate, threshold, below_threshold, entered_by, entered_at)
            SELECT id, :q, section_id, 20, 80, 70, :rate, 90, TRUE, 'zhaomin', :at FROM ev_survey WHERE service = :svc""")
        .param("q", month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1)).param("rate", new java.math.BigDecimal(rate))
        .param("at", java.sql.Timestamp.valueOf(month.atDay(28).atStartOfDay())).param("svc", service).update();
  }
}
