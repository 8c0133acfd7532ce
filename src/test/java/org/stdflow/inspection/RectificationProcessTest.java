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
import org.stdflow.StdflowSpringTest;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardLifecycleProcess;

/**
 * rectification, one method per path: report and passed re-inspection; a failed re-inspection
 * (criticism, leadership informed, a shorter round); repeated failure sending the standard to an
 * out-of-cycle review (and the case where it cannot take one); both deadline timers; bad input.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class RectificationProcessTest extends SupervisionTestSupport {

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
    Map<String, Object> round2 = jdbc.sql("""
            SELECT severity, deadline, started_at FROM insp_rectification_round WHERE rectification_id = :id AND round_no = 2""")
        .param("id", id).query().singleRow();
    assertThat(round2).containsEntry("SEVERITY", "CRITICAL");
    assertThat(((java.sql.Timestamp) round2.get("DEADLINE")).getTime() - ((java.sql.Timestamp) round2.get("STARTED_AT")).getTime())
        .isEqualTo(24L * 3600 * 1000);
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
    // in force through the register only: no life-cycle run waits for a review message
    long standard = standardInForce(canteenChecklist());
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

  @Test
  void aReportNeedsMeasuresAndEvidence() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");

    assertThatThrownBy(() -> complete(r, TASK_SUBMIT_REPORT, "liuyang", Map.of(Vars.MEASURES, " ")))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry(Vars.MEASURES, "整改措施不能为空")
            .containsEntry("evidence", "请先上传至少一份整改佐证材料（照片或文件），再提交整改报告"));
    uploadEvidence(r, "liuyang");
    // through Camunda's REST API as Tasklist does: 400 with the field's message, the task stays
    Task task = task(r, TASK_SUBMIT_REPORT);
    RestClient canteen = RestClient.as(port, "liuyang", "demo");
    canteen.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "liuyang"));
    RestClient.Response noMeasures = canteen.post("/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of(Vars.MEASURES, Map.of("value", "", "type", "String"))));
    assertThat(noMeasures.status()).isEqualTo(400);
    assertThat(noMeasures.json().at("/fieldErrors/measures").asText()).isEqualTo("整改措施不能为空");
    assertThat(r).isWaitingAt(TASK_SUBMIT_REPORT);
  }

  @Test
  void theRectifyingSectionCannotReinspectItsOwnWork() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");
    report(r);
    Task task = task(r, TASK_REINSPECT);

    // the section head is no candidate: Camunda refuses the claim
    RestClient.Response bySection = RestClient.as(port, "liuyang", "demo")
        .post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "liuyang"));
    assertThat(bySection.status()).isEqualTo(403);
    // an inspector who belongs to the canteen section is refused by the rule itself
    org.camunda.bpm.engine.identity.User u = identity.newUser("shitangjiancha");
    u.setFirstName("食堂");
    u.setLastName("检查员");
    identity.saveUser(u);
    identity.createMembership("shitangjiancha", "inspectors");
    identity.createMembership("shitangjiancha", "sec-canteen");
    assertThatThrownBy(() -> complete(r, TASK_REINSPECT, "shitangjiancha", reinspection(r, "已整改", "resolved")))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("整改科室（食堂管理科）的人员不能复查本科室的整改");

    assertThatThrownBy(() -> complete(r, TASK_REINSPECT, "majun", reinspection(r, null, (String) null)))
        .hasMessageContaining("第 1 个问题（条款 6.2）未填写复查结论");
    assertThatThrownBy(() -> complete(r, TASK_REINSPECT, "majun", reinspection(r, " ", "resolved")))
        .hasMessageContaining("整改成效不能为空");
    assertThat(r).isWaitingAt(TASK_REINSPECT);
    assertThat(jdbc.sql("SELECT result FROM insp_rectification_round WHERE rectification_id = :id")
        .param("id", engine.getRuntimeService().getVariable(r.getId(), Vars.RECTIFICATION_ID)).query(String.class).list())
        .containsOnlyNulls();
  }

  @Autowired Rectifications rectifications;

  @Test
  void aComplaintOpensTheSameLoopWithoutInspectionOrStandard() {
    String ref = "FB-" + java.util.UUID.randomUUID();
    Rectifications.Request complaint = new Rectifications.Request("COMPLAINT", ref, null, "sec-canteen",
        "第一机关食堂午餐供应", List.of(new InspectionRecords.NewFinding("投诉", "午餐供应时间不足", 100, false,
            "多名职工反映 12:10 后已无菜品")), "MINOR", 5);
    long id = rectifications.open(complaint);
    assertThat(rectifications.open(complaint)).as("the same complaint opens it once").isEqualTo(id);
    ProcessInstance r = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(String.format("ZG%06d", id)).singleResult();

    assertThat(r).isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.FINDINGS_TEXT).toString())
        .contains("午餐供应时间不足").contains("12:10");
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.STANDARD_LABEL)).isEqualTo("（未关联标准）");
    assertThat(outbox("rectification-notice:" + id + ":1:")).containsExactly("rectification-notice:liuyang");
    report(r);
    complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    // no standard: criticism and a new round, but nothing to review
    assertThat(r).hasPassed(TASK_CIRCULATE_CRITICISM, TASK_OPEN_NEXT_ROUND).hasNotPassed(TASK_REQUEST_REVIEW)
        .isWaitingAt(TASK_SUBMIT_REPORT);
    report(r);
    complete(r, TASK_REINSPECT, "majun", reinspection(r, "延长供餐至 12:40，增加备餐量", "resolved"));
    assertThat(r).hasPassed(END_CLOSED).isEnded();
    assertThat(RestClient.as(port, "linxiao", "demo").get("/api/rectifications/" + id).json().get("sourceLabel").asText())
        .isEqualTo("投诉");
  }
}
