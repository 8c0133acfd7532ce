package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;

/**
 * A changed cadence cron reaches the timer of the deployed (unchanged) model: new cycle and next
 * due date at once, nothing done twice, and the timer goes on firing on the new cycle.
 */
@StdflowSpringTest
class CadenceTimerSyncTest {

  private static final String MONDAY_1030 = "0 30 10 ? * MON";

  @Autowired org.stdflow.platform.TimerStartSync sync;
  @Autowired CadenceSchedules schedules;
  @Autowired ProcessEngine engine;

  @AfterEach
  void restoreConfiguredCycles() {
    sync.sync();
  }

  @Test
  void aChangedCronBecomesTheTimersCycleOnceAndTheTimerKeepsIt() {
    assertThat(sync.sync()).as("at start-up the deployed timers were brought in line already").isZero();
    // one mechanism for every timer-started model: cadences, survey rounds, periodic reports
    assertThat(sync.configured()).containsKeys(DailyInspectionProcess.KEY, WeeklyReportProcess.KEY,
        MonthlyEvaluationProcess.KEY, QuarterlyAssessmentProcess.KEY, "satisfaction-survey", "monthly-report",
        "quarterly-report");
    assertThat(repeat(weeklyTimer())).isEqualTo(schedules.cron("weekly")).isEqualTo("0 0 9 ? * FRI");

    Map<String, String> changed = new java.util.LinkedHashMap<>(sync.configured());
    changed.put(WeeklyReportProcess.KEY, MONDAY_1030);
    assertThat(sync.sync(changed)).isEqualTo(1);
    Job job = weeklyTimer();
    assertThat(repeat(job)).isEqualTo(MONDAY_1030);
    assertThat(job.getDuedate()).isEqualTo(nextMonday1030(new Date()));
    assertThat(sync.sync(changed)).as("idempotent").isZero();

    // when it fires, Camunda schedules the next run on the new cycle
    engine.getManagementService().executeJob(job.getId());
    Job next = weeklyTimer();
    assertThat(next.getId()).isNotEqualTo(job.getId());
    assertThat(repeat(next)).isEqualTo(MONDAY_1030);
    assertThat(next.getDuedate()).isEqualTo(nextMonday1030(new Date()));
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(WeeklyReportProcess.KEY).list()
        .stream().filter(p -> engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(p.getId()).singleResult().getStartUserId() == null)
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test: started by the timer"));

    assertThat(sync.sync()).as("back to the configuration").isEqualTo(1);
    assertThat(repeat(weeklyTimer())).isEqualTo("0 0 9 ? * FRI");
  }

  private Job weeklyTimer() {
    var definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(WeeklyReportProcess.KEY).latestVersion().singleResult();
    var jobDefinition = engine.getManagementService().createJobDefinitionQuery().processDefinitionId(definition.getId())
        .jobType("timer-start-event").singleResult();
    return engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinition.getId()).singleResult();
  }

  private String repeat(Job job) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(c -> ((TimerEntity) c.getJobManager().findJobById(job.getId())).getRepeat());
  }

  /** The next Monday 10:30 after the moment, in the engine's (the JVM's) time zone, to the second. */
  private static Date nextMonday1030(Date after) {
    LocalDateTime from = LocalDateTime.ofInstant(after.toInstant(), ZoneId.systemDefault());
    LocalDateTime candidate = from.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atTime(10, 30);
    if (!candidate.isAfter(from)) {
      candidate = candidate.plusWeeks(1);
    }
    return Date.from(candidate.atZone(ZoneId.systemDefault()).toInstant());
  }
}
