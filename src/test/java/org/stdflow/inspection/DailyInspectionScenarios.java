package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.DailyInspectionProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.platform.validation.FormValidationException;

/**
 * daily-inspection, one method per path: the timer start, a passed inspection, a failed one handing
 * over to the rectification, a missed one (the deadline timer), a day with nothing left to plan, and
 * the bad inputs of the start form and the checklist.
 */
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class DailyInspectionScenarios extends SupervisionTestSupport {

  @Test
  void theTimerStartsTodaysRunWithAnInspectionPerStandardAndPlace() {
    long standard = standardInForce(canteenChecklist());
    Job timer = timerStartJob();
    assertThat(timer).as("the timer start event's job").isNotNull();

    engine.getManagementService().executeJob(timer.getId());

    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey("daily-" + today()).list().stream()
        // started by the timer: no initiator
        .filter(pi -> engine.getRuntimeService().getVariable(pi.getId(), "initiator") == null)
        .findFirst().orElseThrow();
    assertThat(run).hasPassed(START_TIMER, TASK_PLAN_INSPECTIONS).isWaitingAt(TASK_INSPECT_PLACE);
    // item 3 applies to two canteens: one inspection each, with that place's items only
    Task first = inspectionTask(run, inspectionOf(standard, today(), "canteen-1"));
    Task second = inspectionTask(run, inspectionOf(standard, today(), "canteen-2"));
    assertThat(org.stdflow.standard.LifecycleValues.rows(engine.getTaskService().getVariable(first.getId(), Vars.CHECKLIST)))
        .hasSize(3);
    assertThat(org.stdflow.standard.LifecycleValues.rows(engine.getTaskService().getVariable(second.getId(), Vars.CHECKLIST)))
        .extracting(r -> r.get("clauseRef")).containsExactly("7.4");
    assertThat(candidateGroups(first)).containsExactly("inspectors");
    assertThat(first.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getVariablesLocal(first.getId()).get("listTitle").toString())
        .contains("机关食堂监督检查试点规范").contains("第一机关食堂");
    // the next firing is scheduled
    assertThat(timerStartJob()).isNotNull();
    assertThat(timerStartJob().getId()).isNotEqualTo(timer.getId());
  }

  private Job timerStartJob() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    String jobDefinition = engine.getManagementService().createJobDefinitionQuery().processDefinitionId(definition)
        .activityIdIn(START_TIMER).singleResult().getId();
    return engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinition).singleResult();
  }

  @Test
  void aPassedInspectionIsRecordedAndNeedsNoRectification() {
    long standard = standardInForce(canteenChecklist());
    LocalDate date = today().minusDays(1);
    ProcessInstance run = startDaily(date);
    long inspection = inspectionOf(standard, date, "canteen-1");
    Task task = inspectionTask(run, inspection);

    // 不适用 items are left out of the rate: 40 + 30 of 70 applicable passed
    doComplete(task, "zhulin", answers(task, "PASS", "PASS", "NA"));

    InspectionRecords.Inspection x = records.inspection(inspection);
    assertThat(x.status()).isEqualTo("PASSED");
    assertThat(x.passRate()).isEqualByComparingTo("100");
    assertThat(x.inspector()).isEqualTo("zhulin");
    assertThat(x.note()).isEqualTo("按检查表逐项检查");
    assertThat(records.itemResults(inspection)).extracting(InspectionRecords.ItemResult::result)
        .containsExactly("PASS", "PASS", "NA");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_rectification WHERE inspection_id = :i").param("i", inspection)
        .query(Long.class).single()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(END_INSPECTION_PASSED).count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(TASK_SCORE_INSPECTION).count()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFailedInspectionIsScoredByTheDmnAndCallsTheRectification() {
    long standard = standardInForce(canteenChecklist());
    LocalDate date = today().minusDays(2);
    ProcessInstance run = startDaily(date);
    long inspection = inspectionOf(standard, date, "canteen-1");
    Task task = inspectionTask(run, inspection);

    // the critical item fails: 60 % and one critical failure → CRITICAL, 3 days (Rule_CriticalFailureFirstRound)
    doComplete(task, "majun", answers(task, "FAIL", "PASS", "PASS"));

    InspectionRecords.Inspection x = records.inspection(inspection);
    assertThat(x.status()).isEqualTo("FAILED");
    assertThat(x.passRate()).isEqualByComparingTo("60");
    assertThat(x.criticalFailures()).isEqualTo(1);
    assertThat(x.severity()).isEqualTo("CRITICAL");
    assertThat(x.rectificationDays()).isEqualTo(3);
    ProcessInstance rectification = rectificationOf(inspection);
    assertThat(rectification).isNotNull().isWaitingAt(RectificationProcess.TASK_SUBMIT_REPORT);
    assertThat(run).isWaitingAt(CALL_RECTIFICATION);
    Task notice = task(rectification, RectificationProcess.TASK_SUBMIT_REPORT);
    assertThat(candidateGroups(notice)).containsExactly("sec-canteen");
    assertThat(engine.getTaskService().getVariable(notice.getId(), RectificationProcess.Vars.FINDINGS_TEXT).toString())
        .contains("条款 5.1").contains("食品留样 48 小时").contains("【关键项】").contains("现场发现问题 1")
        .doesNotContain("6.2");
    assertThat(outbox("rectification-notice:")).contains("rectification-notice:liuyang");
  }

  @Test
  void anInspectionNobodyDidInTimeIsRecordedAsMissed() {
    long standard = standardInForce(canteenChecklist());
    LocalDate date = today().minusDays(3);
    ProcessInstance run = startDaily(date);
    long inspection = inspectionOf(standard, date, "canteen-2");
    Task task = inspectionTask(run, inspection);

    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(run.getId())
        .activityId(BOUNDARY_INSPECTION_MISSED).list().stream()
        .filter(j -> j.getExecutionId() != null && task.getExecutionId().equals(j.getExecutionId())).findFirst()
        .orElseThrow();
    engine.getManagementService().executeJob(deadline.getId());

    assertThat(records.inspection(inspection).status()).isEqualTo("MISSED");
    assertThat(inspectionTask(run, inspection)).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(END_INSPECTION_MISSED).count()).isEqualTo(1);
  }

  @Test
  void aSecondRunForTheSameDayPlansNothingTwice() {
    standardInForce(canteenChecklist());
    LocalDate date = today().minusDays(4);
    startDaily(date);

    ProcessInstance again = startDaily(date);

    assertThat(again).hasPassed(START_TIMER, TASK_PLAN_INSPECTIONS, END_NOTHING_TO_INSPECT).isEnded();
  }

  @Test
  void everyItemMustBeAnsweredAndAFailureExplained() {
    long standard = standardInForce(canteenChecklist());
    LocalDate date = today().minusDays(5);
    ProcessInstance run = startDaily(date);
    long inspection = inspectionOf(standard, date, "canteen-1");
    Task task = inspectionTask(run, inspection);

    Map<String, Object> unanswered = answers(task, "PASS", null, "PASS");
    assertThatThrownBy(() -> doComplete(task, "majun", unanswered))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry("checklist[1].result", "第 2 项（条款 6.2）未填写检查结果（合格、不合格或不适用）"));

    Map<String, Object> unexplained = new java.util.HashMap<>(answers(task, "PASS", "FAIL", "PASS"));
    List<Map<String, Object>> rows = org.stdflow.standard.LifecycleValues.rows(unexplained.get(Vars.CHECKLIST));
    rows.get(1).put("note", " ");
    unexplained.put(Vars.CHECKLIST, org.camunda.spin.Spin.JSON(rows));
    assertThatThrownBy(() -> doComplete(task, "majun", unexplained))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("第 2 项（条款 6.2）不合格，请在情况说明中写明存在的问题");

    assertThatThrownBy(() -> doComplete(task, "majun", answers(task, "NA", "NA", "NA")))
        .hasMessageContaining("各项均为“不适用”");
    // someone who is no inspector (here an admin, who may complete any task) cannot record an inspection
    assertThatThrownBy(() -> doComplete(task, "admin", answers(task, "PASS", "PASS", "PASS")))
        .hasMessageContaining("只有监督检查人员可以填写日常检查");

    assertThat(records.inspection(inspection).status()).isEqualTo("PLANNED");
    assertThat(records.itemResults(inspection)).isEmpty();
    assertThat(inspectionTask(run, inspection)).as("still open").isNotNull();
  }

}
