package org.stdflow.inspection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
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
import org.springframework.stereotype.Component;

/**
 * Makes a changed {@code stdflow.inspection.cadence.<name>.cron} take effect. Camunda evaluates a
 * timer start event's cycle once, when the definition is deployed, and the model deployer does not
 * redeploy an unchanged model; so at every start (after deployment, before the job executor runs)
 * the timer-start job of the latest definition of each cadence's process gets the configured cron
 * as its cycle and the next due date Camunda's own {@link CycleBusinessCalendar} computes for it.
 *
 * <p>Idempotent (a job whose cycle is the configured one is left alone) and safe on several nodes:
 * each job is changed in its own engine command, and a node that loses the race to another one
 * gets an optimistic locking failure, which means the job has been updated already.
 */
@Component
public class CadenceTimerSync {

  /** cadence → key of the process its timer starts; a key that is not deployed is skipped. */
  static final Map<String, String> PROCESS_KEYS;

  static {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("daily", "daily-inspection");
    keys.put(WeeklyReportProcess.CADENCE, WeeklyReportProcess.KEY);
    keys.put(MonthlyEvaluationProcess.CADENCE, MonthlyEvaluationProcess.KEY);
    keys.put(QuarterlyAssessmentProcess.CADENCE, QuarterlyAssessmentProcess.KEY);
    PROCESS_KEYS = Map.copyOf(keys);
  }

  private static final Logger LOG = LoggerFactory.getLogger(CadenceTimerSync.class);

  private final ProcessEngine engine;
  private final CadenceSchedules schedules;

  public CadenceTimerSync(ProcessEngine engine, CadenceSchedules schedules) {
    this.engine = engine;
    this.schedules = schedules;
  }

  /** Brings every cadence's timer in line with the configuration; returns how many timers changed. */
  public int sync() {
    return sync(schedules::cron);
  }

  int sync(UnaryOperator<String> cronOfCadence) {
    int changed = 0;
    for (Map.Entry<String, String> cadence : PROCESS_KEYS.entrySet()) {
      ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(cadence.getValue()).latestVersion().singleResult();
      if (definition == null) {
        continue;
      }
      String cron = cronOfCadence.apply(cadence.getKey());
      for (JobDefinition jobDefinition : engine.getManagementService().createJobDefinitionQuery()
          .processDefinitionId(definition.getId()).jobType(TimerStartEventJobHandler.TYPE).list()) {
        for (Job job : engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinition.getId()).timers()
            .list()) {
          if (update(job.getId(), cron)) {
            LOG.info("Timer of {} now runs on the configured cycle '{}' (next: {})", cadence.getValue(), cron,
                engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate());
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
