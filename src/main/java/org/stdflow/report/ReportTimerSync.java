package org.stdflow.report;

import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes a changed {@code stdflow.report.monthly-cron} / {@code quarterly-cron} take effect: Camunda
 * evaluates a timer start event's cycle only when the model is deployed, and an unchanged model is
 * not redeployed. The same approach as the supervision cadences' {@code CadenceTimerSync}, for
 * monthly-report.bpmn and quarterly-report.bpmn; idempotent and safe on several nodes.
 */
@Component
class ReportTimerSync {

  private static final Logger LOG = LoggerFactory.getLogger(ReportTimerSync.class);

  private final ProcessEngine engine;
  private final ReportSchedules schedules;

  ReportTimerSync(ProcessEngine engine, ReportSchedules schedules) {
    this.engine = engine;
    this.schedules = schedules;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    sync();
  }

  /** Returns how many timers changed. */
  int sync() {
    int changed = 0;
    for (Map.Entry<String, String> process : PeriodicReportProcess.KIND_OF_KEY.entrySet()) {
      ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(process.getKey()).latestVersion().singleResult();
      if (definition == null) {
        continue;
      }
      String cron = schedules.cron(process.getValue());
      for (JobDefinition jd : engine.getManagementService().createJobDefinitionQuery()
          .processDefinitionId(definition.getId()).jobType(TimerStartEventJobHandler.TYPE).list()) {
        for (Job job : engine.getManagementService().createJobQuery().jobDefinitionId(jd.getId()).timers().list()) {
          if (update(job.getId(), cron)) {
            LOG.info("Timer of {} now runs on the configured cycle '{}'", process.getKey(), cron);
            changed++;
          }
        }
      }
    }
    return changed;
  }

  private boolean update(String jobId, String cron) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      return configuration.getCommandExecutorTxRequired().execute(context -> {
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (!(job instanceof TimerEntity timer) || cron.equals(timer.getRepeat())) {
          return false;
        }
        timer.setRepeat(cron);
        timer.setDuedate(new CycleBusinessCalendar().resolveDuedate(cron));
        return true;
      });
    } catch (OptimisticLockingException e) {
      LOG.info("Timer job {} was updated or fired by another node meanwhile; leaving it to that node", jobId);
      return false;
    }
  }
}
