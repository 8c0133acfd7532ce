package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.stdflow.StdflowPostgresTest;

/** The supervision processes and their records on PostgreSQL: the SQL of both dialects, end to end. */
@StdflowPostgresTest
class SupervisionPostgresTest extends SupervisionTestSupport {

  @org.springframework.beans.factory.annotation.Autowired SupervisionQueries queries;

  @Test
  void inspectionRectificationAndRecordsOnPostgres() {
    long standard = standardInForce(canteenChecklist());
    LocalDate date = today();
    ProcessInstance daily = startDaily(date);
    assertThat(startDaily(date)).hasPassed(DailyInspectionProcess.END_NOTHING_TO_INSPECT).isEnded();
    long inspection = inspectionOf(standard, date, "canteen-1");
    Task task = inspectionTask(daily, inspection);
    doComplete(task, "majun", answers(task, "FAIL", "PASS", "PASS"));
    ProcessInstance r = rectificationOf(inspection);

    report(r);
    complete(r, RectificationProcess.TASK_REINSPECT, "zhulin", reinspection(r, null, "open"));
    report(r);
    complete(r, RectificationProcess.TASK_REINSPECT, "zhulin", reinspection(r, "留样冰箱已更换并张贴记录表", "resolved"));

    assertThat(r).hasPassed(RectificationProcess.TASK_CIRCULATE_CRITICISM, RectificationProcess.END_CLOSED).isEnded();
    assertThat(records.inspection(inspection).severity()).isEqualTo("CRITICAL");
    assertThat(records.failedRoundsSince(standard, java.time.Instant.now().minusSeconds(3600))).isEqualTo(1);
    assertThat(outbox("criticism:rectification:")).isNotEmpty();
    assertThat(queries.rectifications(new SupervisionQueries.Filter(standard, java.util.List.of("sec-canteen"), "CLOSED",
        date, date))).hasSize(1);
    assertThat(queries.commendations(new SupervisionQueries.Filter(standard, null, "CRITICISM", null, null))).hasSize(1);
  }
}
