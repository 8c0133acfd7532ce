package org.stdflow.platform;

import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.stereotype.Component;

/**
 * Makes a changed cron of any timer-started model take effect (supervision cadences, survey rounds,
 * periodic reports — every {@link TimerStartSchedules} bean). Camunda evaluates a timer start
 * event's cycle when the definition is deployed, and our ModelDeployer does not redeploy an
 * unchanged model; so at every start, right after deployment and before the job executor, the
 * timer-start job of each latest definition gets the configured cycle and the next due date from
 * Camunda's own {@link CycleBusinessCalendar}. One engine command per job; nothing when the cycle
 * already matches; on several nodes the loser of the race sees an optimistic locking failure and
 * leaves the job alone.
 */
@Component
public class TimerStartSync {

  private static final Logger LOG = LoggerFactory.getLogger(TimerStartSync.class);

  private final ProcessEngine engine;
  private final List<TimerStartSchedules> schedules;

  public TimerStartSync(ProcessEngine engine, List<TimerStartSchedules> schedules) {
    this.engine = engine;
    this.schedules = schedules;
  }

  /** The configured crons of every timer-started model, by process key. */
  public Map<String, String> configured() {
    Map<String, String> crons = new LinkedHashMap<>();
    schedules.forEach(s -> crons.putAll(s.timerStartCrons()));
    return crons;
  }

  /** Brings every timer in line with the configuration; returns how many timers changed. */
  public int sync() {
    return sync(configured());
  }

  /** Brings the timers of the given process keys in line with the given crons (keys not deployed are skipped). */
  public int sync(Map<String, String> cronsByProcessKey) {
    int changed = 0;
    for (Map.Entry<String, String> entry : cronsByProcessKey.entrySet()) {
      ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(entry.getKey()).latestVersion().singleResult();
      if (definition == null) {
        continue;
      }
      String cron = entry.getValue();
      for (JobDefinition jobDefinition : engine.getManagementService().createJobDefinitionQuery()
          .processDefinitionId(definition.getId()).jobType(TimerStartEventJobHandler.TYPE).list()) {
        for (Job job : engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinition.getId()).timers()
            .list()) {
          if (update(job.getId(), cron)) {
            LOG.info("Timer of {} now runs on the configured cycle '{}' (next: {})", entry.getKey(), cron,
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
