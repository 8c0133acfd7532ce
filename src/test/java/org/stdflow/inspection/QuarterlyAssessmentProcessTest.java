package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.QuarterlyAssessmentProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.QuarterlyAssessmentProcess.Vars;
import org.stdflow.platform.validation.FormValidationException;

/**
 * quarterly-assessment (季考核): the ranking rule (average of monthly scores, then pass rate, then
 * section id; sections without evaluations after those with), praise and circulated criticism with
 * their mails after the savepoint, the quarter without criticism, a quarter assessed already, the
 * timer start, and the server's refusals.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class QuarterlyAssessmentProcessTest extends CadenceTestSupport {

  private static final String START_URL = "/engine-rest/process-definition/key/" + KEY + "/start";

  @Test
  void leadershipPraisesAndCriticisesOnTheRankingAndTheCriticismIsCirculated() {
    int year = randomPastYear();
    String quarter = year + "-Q2";
    LocalDate april = LocalDate.of(year, 4, 1);
    evaluation(year + "-04", "sec-canteen", 90);
    evaluation(year + "-05", "sec-canteen", 80);
    evaluation(year + "-06", "sec-property", 85); // same average as the canteen: the pass rate decides
    evaluation(year + "-05", "sec-energy", 60);
    evaluation(year + "-07", "sec-energy", 100); // next quarter: not counted
    inspection("sec-property", april.plusDays(3), "PASSED");
    inspection("sec-canteen", april.plusDays(4), "PASSED");
    inspection("sec-canteen", april.plusDays(40), "FAILED");
    inspection("sec-vehicle", april.plusDays(80), "PASSED");
    inspection("sec-general", april.plusDays(5), "PASSED");
    inspection("sec-general", april.plusDays(6), "MISSED");

    ProcessInstance pi = startAs("wangjianguo", KEY, Map.of(Vars.QUARTER, quarter));
    assertThat(pi).hasPassed(START, TASK_RANK).isWaitingAt(TASK_ASSESS).variables()
        .containsEntry(Vars.ASSESSMENT_QUARTER, quarter).containsEntry(Vars.QUARTER_LABEL, year + " 年第 2 季度");
    Task task = tasks(pi, TASK_ASSESS).get(0);
    assertThat(candidateGroups(task)).containsExactly("leadership");
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "listTitle")).isEqualTo(year + " 年第 2 季度");
    SpinJsonNode ranking = (SpinJsonNode) engine.getTaskService().getVariable(task.getId(), Vars.RANKING);
    assertThat(ranking.elements()).extracting(r -> r.prop("sectionId").stringValue()).containsExactly(
        "sec-property", "sec-canteen", "sec-energy", "sec-vehicle", "sec-general", "sec-office-space", "sec-reception");
    SpinJsonNode first = ranking.elements().get(0);
    assertThat(first.prop("rank").numberValue()).isEqualTo(1);
    assertThat(first.prop("averageText").stringValue()).isEqualTo("85");
    assertThat(first.prop("passRateText").stringValue()).isEqualTo("100%");
    assertThat(ranking.elements().get(1).prop("averageText").stringValue()).isEqualTo("85");
    assertThat(ranking.elements().get(1).prop("evaluatedMonths").numberValue()).isEqualTo(2);
    assertThat(ranking.elements().get(1).prop("passRateText").stringValue()).isEqualTo("50%");
    assertThat(ranking.elements().get(1).prop("basis").stringValue()).isEqualTo("月度评价平均分（2/3 个月已评价）");
    assertThat(ranking.elements().get(3).prop("basis").stringValue()).isEqualTo("检查合格率（无月度评价）");
    assertThat(ranking.elements().get(6).prop("passRateText").stringValue()).isEqualTo("暂无应检记录");
    assertThat(((SpinJsonNode) engine.getTaskService().getVariable(task.getId(), Vars.SECTION_OPTIONS)).elements())
        .hasSize(SECTIONS.size());

    Map<String, Object> decision = decision(List.of("sec-property"), List.of("sec-energy", "sec-reception"),
        "本季度多次检查不合格，整改不力");
    decision.put(Vars.REMARKS, "总体平稳，个别科室需加强");
    complete(task, "lihong", decision);

    assertThat(pi).hasPassed(TASK_ASSESS, GATEWAY_ANY_CRITICISM).isWaitingAt(TASK_CIRCULATE_CRITICISM);
    List<Map<String, Object>> rows = jdbc.sql("""
            SELECT section_id, rank_no, outcome, remarks, assessed_by, average_score FROM insp_quarterly_assessment
            WHERE period_quarter = :q ORDER BY rank_no""").param("q", quarter).query().listOfRows();
    assertThat(rows).extracting(r -> r.get("SECTION_ID") + ":" + r.get("RANK_NO") + ":" + r.get("OUTCOME")).containsExactly(
        "sec-property:1:PRAISE", "sec-canteen:2:null", "sec-energy:3:CRITICISM", "sec-vehicle:4:null",
        "sec-general:5:null", "sec-office-space:6:null", "sec-reception:7:CRITICISM");
    assertThat(rows.get(0)).containsEntry("REMARKS", "总体平稳，个别科室需加强").containsEntry("ASSESSED_BY", "lihong");
    assertThat(((java.math.BigDecimal) rows.get(2).get("AVERAGE_SCORE")).doubleValue()).isEqualTo(60.0);
    assertThat(rows.get(3).get("AVERAGE_SCORE")).isNull();
    List<Map<String, Object>> commendations = jdbc.sql("""
            SELECT id, kind, section_id, reason, source, recorded_by FROM insp_commendation
            WHERE period = :q AND process_instance_id = :pi ORDER BY id""")
        .param("q", quarter).param("pi", pi.getId()).query().listOfRows();
    assertThat(commendations).extracting(c -> c.get("KIND") + ":" + c.get("SECTION_ID") + ":" + c.get("REASON"))
        .containsExactly("PRAISE:sec-property:" + quarter + " 季度考核排名第 1 名，予以表扬",
            "CRITICISM:sec-energy:本季度多次检查不合格，整改不力", "CRITICISM:sec-reception:本季度多次检查不合格，整改不力");
    assertThat(commendations).allSatisfy(c -> assertThat(c).containsEntry("SOURCE", "QUARTERLY")
        .containsEntry("RECORDED_BY", "lihong"));
    Object energyCriticism = commendations.get(1).get("ID");
    // in the audit trail at the instant it was recorded (stored as UTC wall-clock time), whatever the JVM's zone
    java.time.LocalDateTime audited = jdbc.sql("SELECT occurred_at FROM aud_entry WHERE source_key = :k")
        .param("k", "insp_commendation:" + energyCriticism).query(java.time.LocalDateTime.class).single();
    assertThat(java.time.Duration.between(audited.toInstant(java.time.ZoneOffset.UTC), java.time.Instant.now()).abs())
        .isLessThan(java.time.Duration.ofMinutes(2));
    assertThat(mails("criticism:quarterly:" + energyCriticism + ":")).as("mails wait for the savepoint").isEmpty();

    Job mailJob = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TASK_CIRCULATE_CRITICISM).singleResult();
    assertThat(mailJob.getRetries()).isEqualTo(3);
    engine.getManagementService().executeJob(mailJob.getId());

    assertThat(pi).hasPassed(END_CRITICISM_CIRCULATED).isEnded();
    List<Map<String, Object>> mails = mails("criticism:quarterly:" + energyCriticism + ":");
    // every section member and both leaders, once each
    assertThat(mails).extracting(m -> m.get("RECIPIENT_USER")).containsExactlyInAnyOrder("chenjing", "liuyang",
        "huanglei", "wutao", "zhengfang", "fengwei", "hejun", "wangjianguo", "lihong");
    assertThat(mails).allSatisfy(m -> {
      assertThat(m).containsEntry("KIND", "circulated-criticism");
      assertThat((String) m.get("SUBJECT")).contains("【通报批评】节能科");
      assertThat((String) m.get("BODY_TEXT")).contains("经季度考核").contains("本季度多次检查不合格，整改不力")
          .contains("涉及标准：—");
    });
    assertThat(mails("criticism:quarterly:" + commendations.get(2).get("ID") + ":")).hasSize(9)
        .allSatisfy(m -> assertThat((String) m.get("SUBJECT")).contains("接待科"));

    ProcessInstance again = startAs("zhaomin", KEY, Map.of(Vars.QUARTER, quarter));
    assertThat(again).hasPassed(TASK_RANK, END_ALREADY_ASSESSED).hasNotPassed(TASK_ASSESS).isEnded();
  }

  @Test
  void aQuarterWithoutCriticismEndsWithoutMails() {
    String quarter = randomPastYear() + "-Q4";
    RestClient.Response started = rest("lihong").post(START_URL, RestClient.variables(Map.of(Vars.QUARTER, quarter)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    ProcessInstance pi = instance(started.json().get("id").asText());
    complete(tasks(pi, TASK_ASSESS).get(0), "wangjianguo", decision(List.of(), List.of(), ""));

    assertThat(pi).hasPassed(END_ASSESSED).hasNotPassed(TASK_CIRCULATE_CRITICISM).isEnded();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_quarterly_assessment WHERE period_quarter = :q AND outcome IS NULL")
        .param("q", quarter).query(Long.class).single()).isEqualTo(SECTIONS.size());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_commendation WHERE period = :q").param("q", quarter)
        .query(Long.class).single()).isZero();
  }

  @Test
  void timerStartAssessesThePreviousQuarter() {
    CadencePeriods.Quarter previous = CadencePeriods.Quarter.of(today()).previous();
    ProcessInstance pi = fireTimerStart(KEY);
    assertThat(pi).hasPassed(START, TASK_RANK);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.ASSESSMENT_QUARTER).singleResult().getValue()).isEqualTo(previous.toString());
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      assertThat(pi).isWaitingAt(TASK_ASSESS);
      engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test: the real quarter is left to leadership");
    }
    assertThat(timerStartJob(KEY)).as("the cycle goes on").isNotNull();
  }

  @Test
  void badAssessmentsAndBadStartsAreRefusedWithChineseMessages() {
    String quarter = randomPastYear() + "-Q1";
    ProcessInstance pi = startAs("zhaomin", KEY, Map.of(Vars.QUARTER, quarter));
    Task task = tasks(pi, TASK_ASSESS).get(0);

    assertThatThrownBy(() -> complete(task, "wangjianguo",
        decision(List.of("sec-property", "sec-nowhere"), List.of("sec-property"), "")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.PRAISED_SECTIONS, "表扬的科室中有无效的科室：sec-nowhere")
            .containsEntry(Vars.CRITICISED_SECTIONS, "同一科室不能既表扬又通报批评：物业管理科")
            .containsEntry(Vars.CRITICISM_REASON, "选择了通报批评的科室时必须填写通报批评事由"));
    assertThatThrownBy(() -> complete(task, "wangjianguo", decision(List.of(), List.of("sec-elsewhere"), "理由")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.CRITICISED_SECTIONS, "通报批评的科室中有无效的科室：sec-elsewhere"));
    // a lone section id instead of the checklist's list would have been read as "none" and lost
    assertThatThrownBy(() -> complete(task, "wangjianguo", Map.of(Vars.PRAISED_SECTIONS, "sec-canteen")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.PRAISED_SECTIONS, "表扬的科室须为科室列表（收到“sec-canteen”）"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_quarterly_assessment WHERE period_quarter = :q").param("q", quarter)
        .query(Long.class).single()).isZero();
    assertThat(pi).isWaitingAt(TASK_ASSESS);

    RestClient leader = rest("wangjianguo");
    RestClient.Response malformed = leader.post(START_URL, RestClient.variables(Map.of(Vars.QUARTER, "2026-Q5")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("fieldErrors").get(Vars.QUARTER).asText()).isEqualTo("考核季度格式应为 YYYY-Qn，例如 2026-Q3");
    RestClient.Response future = leader.post(START_URL, RestClient.variables(Map.of(Vars.QUARTER, (today().getYear() + 1) + "-Q1")));
    assertThat(future.json().get("message").asText()).contains("只能考核已结束的季度");
    RestClient.Response current = leader.post(START_URL,
        RestClient.variables(Map.of(Vars.QUARTER, CadencePeriods.Quarter.of(today()).toString())));
    assertThat(current.status()).isEqualTo(400);
    assertThat(current.json().get("fieldErrors").get(Vars.QUARTER).asText()).startsWith("只能考核已结束的季度");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
  }

  private void evaluation(String month, String section, int score) {
    jdbc.sql("""
            INSERT INTO insp_monthly_evaluation (period_month, section_id, inspections, failed, missed, rect_opened,
              rect_closed, rect_overdue, criticisms, score, evaluated_by, evaluated_at)
            VALUES (:m, :s, 0, 0, 0, 0, 0, 0, 0, :score, 'zhaomin', :at)""")
        .param("m", month).param("s", section).param("score", score).param("at", LocalDateTime.now(clock)).update();
  }

  private List<Map<String, Object>> mails(String keyPrefix) {
    return jdbc.sql("SELECT * FROM ntf_notification WHERE idempotency_key LIKE :k").param("k", keyPrefix + "%")
        .query().listOfRows();
  }

  private static Map<String, Object> decision(List<String> praised, List<String> criticised, String reason) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.PRAISED_SECTIONS, Spin.JSON(praised));
    v.put(Vars.CRITICISED_SECTIONS, Spin.JSON(criticised));
    v.put(Vars.CRITICISM_REASON, reason);
    v.put(Vars.PRAISE_REASON, "");
    v.put(Vars.REMARKS, "");
    return v;
  }
}
