package org.stdflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.MonthlyEvaluationProcess;
import org.stdflow.organisation.TasklistFilterSetup;

/**
 * Two members of the office on one group task: the one who claims second sees, in Tasklist, who has
 * it and that the list needs refreshing (Chinese, from ConcurrentChange) instead of an engine error.
 */
@StdflowSpringTest
class TaskConflictBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private TasklistSession tasklist;
  private ProcessInstance pi;

  @BeforeEach
  void openBrowser() throws Exception {
    String month = (1940 + new Random().nextInt(20)) + "-1" + new Random().nextInt(3);
    engine.getIdentityService().setAuthentication("zhaomin", List.of("std-office"));
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey(MonthlyEvaluationProcess.KEY,
          Map.of(MonthlyEvaluationProcess.Vars.MONTH, month));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    tasklist = TasklistSession.open(port);
  }

  @AfterEach
  void closeBrowser() {
    tasklist.close();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test over");
  }

  @Test
  void theSecondClaimIsToldWhoHasTheTask() {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    tasklist.login("zhaomin");
    tasklist.openTaskFromFilter(TasklistFilterSetup.SECTION_TASKS, task.getId(), "月度评价");
    // meanwhile a colleague of the office claims it
    engine.getTaskService().claim(task.getId(), "qianjing");

    tasklist.click(TasklistSession.CLAIM);
    assertThat(tasklist.notification("认领")).contains("该任务已被用户 qianjing 认领，本次认领未生效。请刷新任务列表。")
        .doesNotContain("ENGINE-");
    tasklist.screenshot("task-claimed-by-another");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("qianjing");
  }
}
