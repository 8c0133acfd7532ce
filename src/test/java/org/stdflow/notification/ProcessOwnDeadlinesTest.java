package org.stdflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.RectificationProcess;
import org.stdflow.inspection.SupervisionTestSupport;

/**
 * A task whose model sends its own deadline mails (deadlineMails=process: the rectification report
 * with its reminder and escalation timers) gets no generic reminder or overdue mail on top.
 */
@StdflowSpringTest
class ProcessOwnDeadlinesTest extends SupervisionTestSupport {

  @Autowired TaskDeadlineMails deadlineMails;

  @Test
  void theRectificationReportGetsOnlyItsProcesssDeadlineMails() {
    ProcessInstance r = failedInspection(standardInForce(canteenChecklist()), "FAIL", "PASS", "PASS");
    Task report = task(r, RectificationProcess.TASK_SUBMIT_REPORT);
    Task reinspectionElsewhere = engine.getTaskService().createTaskQuery()
        .taskDefinitionKey("Task_InspectPlace").list().get(0);

    deadlineMails.scan(LocalDateTime.now(clock).plusDays(2).minusHours(1));
    deadlineMails.scan(LocalDateTime.now(clock).plusDays(30));

    assertThat(outbox("reminder:" + report.getId() + ":")).isEmpty();
    assertThat(outbox("overdue:" + report.getId() + ":")).isEmpty();
    // an ordinary task with a due date still gets the generic escalation
    assertThat(outbox("overdue:" + reinspectionElsewhere.getId() + ":")).isNotEmpty();
  }
}
