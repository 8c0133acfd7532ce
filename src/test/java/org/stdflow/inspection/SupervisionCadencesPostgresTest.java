package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.stdflow.StdflowPostgresTest;

/** The three cadences' happy paths on a real PostgreSQL: figures, records, commendations and mails. */
@StdflowPostgresTest
class SupervisionCadencesPostgresTest extends CadenceTestSupport {

  @Test
  void weekMonthAndQuarterOnPostgresql() {
    // 周上报
    LocalDate monday = randomPastMonday();
    inspection("sec-property", monday, "PASSED");
    inspection("sec-property", monday.plusDays(1), "MISSED");
    rectification("sec-property", monday.plusDays(2).atTime(9, 0), null, monday.plusDays(3).atTime(9, 0), null);
    ProcessInstance week = startAs("zhaomin", WeeklyReportProcess.KEY,
        Map.of(WeeklyReportProcess.Vars.WEEK_DATE, monday.toString()));
    assertThat(engine.getTaskService().getVariables(taskFor(week, WeeklyReportProcess.TASK_SUBMIT, "sec-property").getId()))
        .containsEntry("inspections", 2).containsEntry("missed", 1).containsEntry("passRate", "33.3%")
        .containsEntry("rectOverdue", 1);
    for (String section : SECTIONS) {
      complete(taskFor(week, WeeklyReportProcess.TASK_SUBMIT, section), userOf(section),
          Map.of("summary", section + " 本周正常", "problems", "", "nextWeekPlan", ""));
    }
    assertThat(week).hasPassed(WeeklyReportProcess.END_SUBMITTED).isEnded();
    assertThat(jdbc.sql("SELECT pass_rate FROM insp_weekly_report WHERE week_start = :w AND section_id = 'sec-property'")
        .param("w", monday).query(BigDecimal.class).single()).isEqualByComparingTo("33.3");

    // 月评价
    YearMonth month = randomPastMonth();
    inspection("sec-canteen", month.atDay(2), "FAILED");
    ProcessInstance evaluation = startAs("zhaomin", MonthlyEvaluationProcess.KEY,
        Map.of(MonthlyEvaluationProcess.Vars.MONTH, month.toString()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String section : SECTIONS) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sectionId", section);
      row.put("score", section.equals("sec-canteen") ? 40 : 85);
      row.put("comment", section.equals("sec-canteen") ? "检查不合格" : "");
      rows.add(row);
    }
    complete(tasks(evaluation, MonthlyEvaluationProcess.TASK_EVALUATE).get(0), "zhaomin",
        Map.of(MonthlyEvaluationProcess.Vars.EVALUATION_ROWS, Spin.JSON(rows)));
    assertThat(evaluation).hasPassed(MonthlyEvaluationProcess.END_EVALUATED).isEnded();
    assertThat(jdbc.sql("SELECT score FROM insp_monthly_evaluation WHERE period_month = :m AND section_id = 'sec-canteen'")
        .param("m", month.toString()).query(Integer.class).single()).isEqualTo(40);

    // 季考核 on that month's quarter: the canteen ranks last of the evaluated and is criticised
    String quarter = CadencePeriods.Quarter.of(month.atDay(1)).toString();
    ProcessInstance assessment = startAs("lihong", QuarterlyAssessmentProcess.KEY,
        Map.of(QuarterlyAssessmentProcess.Vars.QUARTER, quarter));
    complete(tasks(assessment, QuarterlyAssessmentProcess.TASK_ASSESS).get(0), "wangjianguo", Map.of(
        "praisedSections", Spin.JSON(List.of("sec-general")), "criticisedSections", Spin.JSON(List.of("sec-canteen")),
        "criticismReason", "月度评价不及格", "praiseReason", "", "remarks", "PostgreSQL"));
    assertThat(jdbc.sql("SELECT section_id FROM insp_quarterly_assessment WHERE period_quarter = :q ORDER BY rank_no")
        .param("q", quarter).query(String.class).list()).hasSize(SECTIONS.size()).last().isEqualTo("sec-canteen");
    Job mails = engine.getManagementService().createJobQuery().processInstanceId(assessment.getId()).singleResult();
    engine.getManagementService().executeJob(mails.getId());
    assertThat(assessment).hasPassed(QuarterlyAssessmentProcess.END_CRITICISM_CIRCULATED).isEnded();
    long criticism = jdbc.sql("SELECT id FROM insp_commendation WHERE period = :q AND kind = 'CRITICISM'")
        .param("q", quarter).query(Long.class).single();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_notification WHERE idempotency_key LIKE :k AND kind = 'circulated-criticism'")
        .param("k", "criticism:quarterly:" + criticism + ":%").query(Long.class).single()).isEqualTo(9);
  }
}
