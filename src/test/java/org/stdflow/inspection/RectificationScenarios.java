package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.RectificationProcess.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardLifecycleProcess;

/**
 * rectification, one method per path: report and passed re-inspection; a failed re-inspection
 * (criticism, leadership informed, a shorter round); repeated failure sending the standard to an
 * out-of-cycle review (and the case where it cannot take one); both deadline timers; bad input.
 */
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class RectificationScenarios extends SupervisionTestSupport {

  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @AfterEach
  void removeTestUser() {
    if (identity.createUserQuery().userId("shitangjiancha").count() > 0) {
      identity.deleteUser("shitangjiancha");
    }
  }

  @Test
  void aReportAndAPassedReinspectionCloseTheRectification() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "FAIL");
    long id = (Long) engine.getRuntimeService().getVariable(r.getId(), Vars.RECTIFICATION_ID);
    assertThat(records.findings(id)).extracting(InspectionRecords.Finding::clauseRef).containsExactly("6.2", "7.4");
    // 40 of 100 passed: MAJOR, 7 days (Rule_MajorFirstRound)
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.SEVERITY)).isEqualTo("MAJOR");

    report(r);
    assertThat(r).isWaitingAt(TASK_REINSPECT);
    assertThat(candidateGroups(task(r, TASK_REINSPECT))).containsExactly("inspectors");
    complete(r, TASK_REINSPECT, "zhulin", reinspection(r, "消毒柜已启用，地面防滑垫已更换", "resolved", "resolved"));

    assertThat(r).hasPassedInOrder(TASK_ISSUE_NOTICE, TASK_SUBMIT_REPORT, TASK_REINSPECT, TASK_CLOSE, END_CLOSED)
        .isEnded();
    Map<String, Object> row = jdbc.sql("SELECT status, effectiveness_note, current_round FROM insp_rectification WHERE id = :id")
        .param("id", id).query().singleRow();
    assertThat(row).containsEntry("STATUS", "CLOSED").containsEntry("EFFECTIVENESS_NOTE", "消毒柜已启用，地面防滑垫已更换");
    assertThat(records.findings(id)).extracting(InspectionRecords.Finding::status).containsOnly("RESOLVED");
    Map<String, Object> round = jdbc.sql("""
            SELECT measures, reported_by, reinspected_by, result FROM insp_rectification_round
             WHERE rectification_id = :id AND round_no = 1""").param("id", id).query().singleRow();
    assertThat(round).containsEntry("REPORTED_BY", "liuyang").containsEntry("REINSPECTED_BY", "zhulin")
        .containsEntry("RESULT", "PASSED");
    assertThat(documents.documentsOfProcess(r.getId())).extracting(d -> d.mediaType()).contains("image/jpeg");
  }

  @org.springframework.beans.factory.annotation.Autowired org.stdflow.platform.calendar.WorkingCalendar calendar;

  @Test
  void aFailedReinspectionCirculatesCriticismAndOpensAShorterRound() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "FAIL", "PASS", "FAIL");
    long id = (Long) engine.getRuntimeService().getVariable(r.getId(), Vars.RECTIFICATION_ID);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.SEVERITY)).isEqualTo("CRITICAL");
    report(r);

    // the critical finding is still open: round 2 is CRITICAL with 1 day (Rule_CriticalFailureLaterRound)
    complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open", "resolved"));

    assertThat(r).hasPassedInOrder(TASK_REINSPECT, TASK_CIRCULATE_CRITICISM, TASK_SCORE_NEXT_ROUND, TASK_OPEN_NEXT_ROUND)
        .isWaitingAt(TASK_SUBMIT_REPORT).hasNotPassed(TASK_REQUEST_REVIEW);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.ROUND)).isEqualTo(2);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.SEVERITY)).isEqualTo("CRITICAL");
    // the new round's report starts empty, not with the measures that did not work
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.MEASURES)).isNull();
    Map<String, Object> round2 = jdbc.sql("""
            SELECT severity, deadline, started_at FROM insp_rectification_round WHERE rectification_id = :id AND round_no = 2""")
        .param("id", id).query().singleRow();
    assertThat(round2).containsEntry("SEVERITY", "CRITICAL");
    // one working day: the closing time of the next working day (never a weekend evening)
    java.time.Instant started = ((java.sql.Timestamp) round2.get("STARTED_AT")).toInstant();
    java.time.Instant deadline = ((java.sql.Timestamp) round2.get("DEADLINE")).toInstant();
    assertThat(deadline).isEqualTo(calendar.deadline(started, 1));
    assertThat(calendar.isWorkingDay(deadline.atZone(clock.getZone()).toLocalDate())).isTrue();
    assertThat(deadline.atZone(clock.getZone()).toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 30));
    // the reminder a day before, or half-way when the round is shorter than that
    java.util.Date reminder = (java.util.Date) engine.getRuntimeService().getVariable(r.getId(), Vars.REMINDER_DATE);
    java.time.Instant dayBefore = deadline.minus(java.time.Duration.ofDays(1));
    java.time.Instant expected = dayBefore.isAfter(started) ? dayBefore
        : started.plus(java.time.Duration.between(started, deadline).dividedBy(2));
    assertThat(reminder.toInstant()).isCloseTo(expected, org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    // only the open finding is to be rectified in round 2
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.FINDINGS_TEXT).toString())
        .contains("条款 5.1").contains("复查时仍未整改").doesNotContain("条款 7.4");
    List<Map<String, Object>> criticism = jdbc.sql("""
            SELECT kind, source, section_id, reason FROM insp_commendation WHERE rectification_id = :id""")
        .param("id", id).query().listOfRows();
    assertThat(criticism).hasSize(1);
    assertThat(criticism.get(0)).containsEntry("KIND", "CRITICISM").containsEntry("SOURCE", "RECTIFICATION")
        .containsEntry("SECTION_ID", "sec-canteen");
    assertThat(criticism.get(0).get("REASON").toString()).contains("第 1 轮整改复查不合格").contains("1 个问题");
    // circulated to every section and to leadership
    List<String> mails = outbox("criticism:rectification:" + jdbc.sql(
        "SELECT id FROM insp_commendation WHERE rectification_id = :id").param("id", id).query(Long.class).single() + ":");
    assertThat(mails).contains("circulated-criticism:huanglei", "circulated-criticism:liuyang",
        "circulated-criticism:wangjianguo", "circulated-criticism:lihong").doesNotContain("circulated-criticism:majun");
    assertThat(outbox("rectification-notice:" + id + ":2:")).containsExactly("rectification-notice:liuyang");
  }

  @Test
  void theSecondFailedRoundOfAStandardSendsItToAnOutOfCycleReview() {
    long standard = lifecycleStandardInForce(canteenChecklist());
    String lifecycleRun = register.get(standard).processInstanceId();
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");
    report(r);
    complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    assertThat(r).hasNotPassed(TASK_REQUEST_REVIEW);
    report(r);

    complete(r, TASK_REINSPECT, "zhulin", reinspection(r, null, "open"));

    assertThat(r).hasPassed(TASK_REQUEST_REVIEW).isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), "reviewRequestOutcome")).isEqualTo("已提请复审");
    assertThat(engine.getRuntimeService().getActiveActivityIds(lifecycleRun))
        .contains(StandardLifecycleProcess.TASK_REVIEW_STANDARD);
    assertThat(engine.getRuntimeService().getVariable(lifecycleRun, StandardLifecycleProcess.Vars.REVIEW_TRIGGER))
        .isEqualTo("OUT_OF_CYCLE");
    assertThat(engine.getRuntimeService().getVariable(lifecycleRun, StandardLifecycleProcess.Vars.REVIEW_TRIGGER_REASON)
        .toString()).contains("监督检查多次不合格");
    assertThat(jdbc.sql("SELECT review_requested FROM insp_rectification WHERE process_instance_id = :pi")
        .param("pi", r.getId()).query(Boolean.class).single()).isTrue();

    // a third failure within the window asks no second time
    report(r);
    complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(r.getId())
        .activityId(TASK_REQUEST_REVIEW).count()).isEqualTo(1);
  }

  @Test
  void aStandardThatCannotTakeAReviewNowKeepsTheRectificationGoing() {
    // a revision proposed on its own is running: no out-of-cycle review meanwhile
    long standard = standardInForce(canteenChecklist());
    register.markRevisionInProgress(standard);
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");
    for (int round = 1; round <= 2; round++) {
      report(r);
      complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    }

    assertThat(r).hasPassed(TASK_REQUEST_REVIEW).isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), "reviewRequestOutcome").toString())
        .contains("不能发起复审");
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.ROUND)).isEqualTo(3);
  }

  /** A standard entered in the register without a life-cycle run gets one, at its review. */
  @Test
  void aStandardWithoutARunIsReviewedAfterRepeatedFailures() {
    long standard = standardInForce(canteenChecklist());
    assertThat(register.get(standard).processInstanceId()).isNull();
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");
    for (int round = 1; round <= 2; round++) {
      report(r);
      complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    }

    assertThat(engine.getRuntimeService().getVariable(r.getId(), "reviewRequestOutcome")).isEqualTo("已提请复审");
    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(register.get(standard).processInstanceId()).singleResult();
    assertThat(run).isWaitingAt(org.stdflow.standard.StandardLifecycleProcess.TASK_REVIEW_STANDARD);
    assertThat(engine.getRuntimeService().getVariable(run.getId(), "reviewTriggerReason").toString())
        .startsWith("监督检查多次不合格");
    // the reviewing section sees the supervision record of the standard
    assertThat(engine.getRuntimeService().getVariable(run.getId(), "reviewEvidence").toString())
        .contains("应检 1 次，合格 0、不合格 1、漏检 0，合格率 0%").contains("开出 1 项，未结 1 项；通报批评 2 次")
        .contains("投诉 0 件");
  }

  @Test
  void theSectionIsRemindedBeforeTheDeadlineAndLeadershipToldWhenItPasses() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "PASS", "FAIL");
    long id = (Long) engine.getRuntimeService().getVariable(r.getId(), Vars.RECTIFICATION_ID);

    executeJob(r, BOUNDARY_DUE_SOON);
    assertThat(outbox("rectification-reminder:" + id + ":1:")).containsExactly("rectification-reminder:liuyang");
    executeJob(r, BOUNDARY_OVERDUE);
    assertThat(outbox("rectification-overdue:" + id + ":1:"))
        .containsExactlyInAnyOrder("rectification-overdue:wangjianguo", "rectification-overdue:lihong");

    // non-interrupting: the section can still report
    assertThat(r).hasPassed(TASK_SEND_REMINDER, END_REMINDER_SENT, TASK_ESCALATE_OVERDUE, END_OVERDUE_ESCALATED)
        .isWaitingAt(TASK_SUBMIT_REPORT);
    Map<String, Object> round = jdbc.sql("""
            SELECT reminded_at, escalated_at FROM insp_rectification_round WHERE rectification_id = :id AND round_no = 1""")
        .param("id", id).query().singleRow();
    assertThat(round.get("REMINDED_AT")).isNotNull();
    assertThat(round.get("ESCALATED_AT")).isNotNull();
    String subject = jdbc.sql("SELECT subject FROM ntf_notification WHERE idempotency_key = :k")
        .param("k", "rectification-overdue:" + id + ":1:wangjianguo").query(String.class).single();
    assertThat(subject).startsWith("【整改逾期】食堂管理科");
  }

}
