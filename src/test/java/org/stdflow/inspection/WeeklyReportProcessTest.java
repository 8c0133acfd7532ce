package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.WeeklyReportProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.WeeklyReportProcess.Vars;
import org.stdflow.platform.validation.FormValidationException;

/**
 * weekly-report (周上报): the timer start, the manual start (REST) for a chosen week, the figures
 * each section is shown, the recorded reports, sections that reported already, the week that is
 * complete, and the server's refusals.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class WeeklyReportProcessTest extends CadenceTestSupport {

  private static final String START_URL = "/engine-rest/process-definition/key/" + KEY + "/start";

  @Test
  void manualStartShowsEachSectionItsFiguresAndRecordsItsReport() {
    LocalDate monday = randomPastMonday();
    inspection("sec-property", monday, "PASSED");
    inspection("sec-property", monday.plusDays(1), "PASSED");
    inspection("sec-property", monday.plusDays(3), "MISSED");
    inspection("sec-property", monday.minusDays(1), "PASSED"); // the Sunday before: another week
    // failed on Wednesday, deadline Thursday, never re-inspected: opened, open and overdue
    // open and overdue at the end of the week; closed the week after, so no later period sees it open
    rectification("sec-property", monday.plusDays(2).atTime(11, 0), monday.plusDays(9).atTime(9, 0),
        monday.plusDays(3).atTime(18, 0), null);
    // opened the week before (its failed inspection too), closed on Friday: neither opened nor open
    rectification("sec-property", monday.minusDays(3).atTime(9, 0), monday.plusDays(4).atTime(9, 0),
        monday.plusDays(4).atTime(18, 0), monday.plusDays(4).atTime(8, 0));

    // Tasklist's "start process" dialog finds the start form on the (timer) start event
    RestClient.Response startForm = rest("zhaomin").get("/engine-rest/process-definition/key/" + KEY + "/deployed-start-form");
    assertThat(startForm.status()).isEqualTo(200);
    assertThat(startForm.json().get("id").asText()).isEqualTo("Form_StartWeeklyReport");
    RestClient.Response started = rest("zhaomin").post(START_URL,
        RestClient.variables(Map.of(Vars.WEEK_DATE, monday.plusDays(2).toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    ProcessInstance pi = instance(started.json().get("id").asText());

    assertThat(pi).hasPassed(START, TASK_PREPARE).isWaitingAt(TASK_SUBMIT)
        .variables().containsEntry("initiator", "zhaomin").containsEntry(Vars.WEEK_START, monday.toString())
        .containsEntry(Vars.WEEK_END, monday.plusDays(6).toString());
    List<Task> reports = tasks(pi, TASK_SUBMIT);
    assertThat(reports).hasSize(SECTIONS.size());
    assertThat(reports).flatExtracting(this::candidateGroups).containsExactlyInAnyOrderElementsOf(SECTIONS);
    Task property = taskFor(pi, TASK_SUBMIT, "sec-property");
    assertThat(Duration.between(clock.instant(), property.getDueDate().toInstant()))
        .isBetween(Duration.ofDays(3).minusMinutes(5), Duration.ofDays(3));
    assertThat(engine.getTaskService().getVariables(property.getId()))
        .containsEntry(Vars.SECTION_NAME, "物业管理科").containsEntry(Vars.INSPECTIONS, 3).containsEntry(Vars.FAILED, 1)
        .containsEntry(Vars.MISSED, 1).containsEntry(Vars.PASS_RATE, "50%").containsEntry(Vars.RECT_OPENED, 1)
        .containsEntry(Vars.RECT_OPEN, 1).containsEntry(Vars.RECT_OVERDUE, 1).containsEntry(Vars.SUMMARY, "");
    assertThat(engine.getTaskService().getVariables(taskFor(pi, TASK_SUBMIT, "sec-canteen").getId()))
        .containsEntry(Vars.SECTION_NAME, "食堂管理科").containsEntry(Vars.INSPECTIONS, 0)
        .containsEntry(Vars.PASS_RATE, "暂无应检记录").containsEntry(Vars.RECT_OVERDUE, 0);

    complete(property, "huanglei", report("本周完成检查 3 次，整改 1 项", "1 项整改逾期", "督促整改闭环"));
    // the parallel report of another section keeps its own (empty) fields
    Task canteen = taskFor(pi, TASK_SUBMIT, "sec-canteen");
    assertThat(engine.getTaskService().getVariable(canteen.getId(), Vars.SUMMARY)).isEqualTo("");
    assertThat(engine.getTaskService().getVariable(canteen.getId(), Vars.SECTION_NAME)).isEqualTo("食堂管理科");
    for (String section : SECTIONS) {
      if (!section.equals("sec-property")) {
        complete(taskFor(pi, TASK_SUBMIT, section), userOf(section), report(section + " 本周正常", "", ""));
      }
    }

    assertThat(pi).hasPassed(END_SUBMITTED).isEnded();
    Map<String, Object> row = jdbc.sql("SELECT * FROM insp_weekly_report WHERE week_start = :w AND section_id = 'sec-property'")
        .param("w", monday).query().singleRow();
    assertThat(row).containsEntry("INSPECTIONS", 3).containsEntry("FAILED", 1).containsEntry("MISSED", 1)
        .containsEntry("RECT_OPENED", 1).containsEntry("RECT_OPEN", 1).containsEntry("RECT_OVERDUE", 1)
        .containsEntry("SUMMARY", "本周完成检查 3 次，整改 1 项").containsEntry("PROBLEMS", "1 项整改逾期")
        .containsEntry("NEXT_WEEK_PLAN", "督促整改闭环").containsEntry("SUBMITTED_BY", "huanglei")
        .containsEntry("PROCESS_INSTANCE_ID", pi.getId());
    assertThat(((java.math.BigDecimal) row.get("PASS_RATE")).doubleValue()).isEqualTo(50.0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_weekly_report WHERE week_start = :w").param("w", monday)
        .query(Long.class).single()).isEqualTo(SECTIONS.size());
    assertThat(jdbc.sql("SELECT problems FROM insp_weekly_report WHERE week_start = :w AND section_id = 'sec-canteen'")
        .param("w", monday).query(String.class).optional()).isEmpty();
  }

  @Test
  void sectionsThatReportedAreNotAskedAgainAndACompleteWeekEndsAtOnce() {
    LocalDate monday = randomPastMonday();
    List<String> reported = SECTIONS.subList(0, 5);
    reported.forEach(s -> insertReport(monday, s, "已报"));

    ProcessInstance pi = startAs("zhaomin", KEY, Map.of(Vars.WEEK_DATE, monday.plusDays(6).toString()));
    assertThat(tasks(pi, TASK_SUBMIT)).flatExtracting(this::candidateGroups)
        .containsExactlyInAnyOrder("sec-reception", "sec-office-space");

    // meanwhile the reception section reported in another run: its first report stands
    insertReport(monday, "sec-reception", "另一流程已报");
    complete(taskFor(pi, TASK_SUBMIT, "sec-reception"), "fengwei", report("重复提交", "", ""));
    assertThat(jdbc.sql("SELECT summary FROM insp_weekly_report WHERE week_start = :w AND section_id = 'sec-reception'")
        .param("w", monday).query(String.class).single()).isEqualTo("另一流程已报");
    complete(taskFor(pi, TASK_SUBMIT, "sec-office-space"), "hejun", report("本周正常", "", ""));
    assertThat(pi).isEnded().hasPassed(END_SUBMITTED);

    ProcessInstance again = startAs("zhaomin", KEY, Map.of(Vars.WEEK_DATE, monday.toString()));
    assertThat(again).hasPassed(TASK_PREPARE, END_NOTHING_TO_REPORT).hasNotPassed(TASK_SUBMIT).isEnded();
  }

  @Test
  void timerStartAsksTheSectionsForThisWeek() {
    LocalDate monday = today().with(java.time.DayOfWeek.MONDAY);
    ProcessInstance pi = fireTimerStart(KEY);

    assertThat(pi).hasPassed(START, TASK_PREPARE);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.WEEK_START).singleResult().getValue()).isEqualTo(monday.toString());
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("initiator").list()).as("nobody started it").allSatisfy(v -> assertThat(v.getValue()).isNull());
    long reported = jdbc.sql("SELECT COUNT(*) FROM insp_weekly_report WHERE week_start = :w").param("w", monday)
        .query(Long.class).single();
    if (reported < SECTIONS.size()) {
      assertThat(pi).isWaitingAt(TASK_SUBMIT);
      assertThat(tasks(pi, TASK_SUBMIT)).hasSize(SECTIONS.size() - (int) reported)
          .allSatisfy(t -> assertThat(t.getDueDate()).isAfter(java.util.Date.from(clock.instant().plus(Duration.ofDays(2)))));
      engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test: this week's reports are left to others");
    }
    assertThat(timerStartJob(KEY)).as("the cycle goes on").isNotNull();
  }

  @Test
  void badReportsAndBadStartsAreRefusedWithChineseMessages() {
    LocalDate monday = randomPastMonday();
    ProcessInstance pi = startAs("zhaomin", KEY, Map.of(Vars.WEEK_DATE, monday.toString()));

    Task property = taskFor(pi, TASK_SUBMIT, "sec-property");
    assertThatThrownBy(() -> complete(property, "huanglei", report("  ", "", "")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.SUMMARY, "本周工作小结不能为空"));
    // Tasklist / REST: a 400 with the message
    engine.getTaskService().claim(property.getId(), "huanglei");
    RestClient.Response r = rest("huanglei").post("/engine-rest/task/" + property.getId() + "/complete",
        RestClient.variables(Map.of(Vars.SUMMARY, "", Vars.PROBLEMS, "x".repeat(2001))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("本周工作小结不能为空").contains("存在问题不能超过 2000 个字");

    // a task handed to someone of another section: the report is still the section's own
    engine.getTaskService().setAssignee(property.getId(), "liuyang");
    assertThatThrownBy(() -> complete(property, "liuyang", report("代报", "", "")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.SECTION, "只有物业管理科的人员可以提交本科室的周报"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_weekly_report WHERE week_start = :w").param("w", monday)
        .query(Long.class).single()).isZero();

    RestClient zhaomin = rest("zhaomin");
    JsonNode malformed = zhaomin.post(START_URL, RestClient.variables(Map.of(Vars.WEEK_DATE, "2026/11/23"))).json();
    assertThat(malformed.get("message").asText()).contains("报告周内的日期格式应为 yyyy-MM-dd");
    RestClient.Response future = zhaomin.post(START_URL,
        RestClient.variables(Map.of(Vars.WEEK_DATE, today().plusWeeks(1).toString())));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("fieldErrors").get(Vars.WEEK_DATE).asText()).isEqualTo("不能为以后的周发起周报");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test done");
  }

  private void insertReport(LocalDate monday, String section, String summary) {
    jdbc.sql("""
            INSERT INTO insp_weekly_report (week_start, week_end, section_id, inspections, failed, missed, rect_opened,
              rect_open, rect_overdue, summary, submitted_by, submitted_at)
            VALUES (:w, :e, :s, 0, 0, 0, 0, 0, 0, :sum, 'test', :at)""")
        .param("w", monday).param("e", monday.plusDays(6)).param("s", section).param("sum", summary)
        .param("at", LocalDateTime.now(clock)).update();
  }

  private static Map<String, Object> report(String summary, String problems, String plan) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.SUMMARY, summary);
    v.put(Vars.PROBLEMS, problems);
    v.put(Vars.NEXT_WEEK_PLAN, plan);
    return v;
  }
}
