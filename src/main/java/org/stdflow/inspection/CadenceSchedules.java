package org.stdflow.inspection;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The schedules of the four supervision cadences, for the timer start events of their models:
 * {@code <bpmn:timeCycle>${cadenceSchedules.cron('daily')}</bpmn:timeCycle>}. Every cron is
 * checked when the application starts, so a typo stops the start with the property's name instead
 * of failing a deployment later.
 */
@Component("cadenceSchedules")
public class CadenceSchedules implements org.stdflow.platform.TimerStartSchedules {

  private final InspectionProperties properties;

  CadenceSchedules(InspectionProperties properties) {
    this.properties = properties;
    for (String name : InspectionProperties.DEFAULT_CRONS.keySet()) {
      String cron = properties.cron(name);
      try {
        new CycleBusinessCalendar().resolveDuedate(cron);
      } catch (RuntimeException e) {
        throw new IllegalStateException("stdflow.inspection.cadence." + name + ".cron is not a valid cron expression: "
            + cron + " (" + e.getMessage() + ")", e);
      }
    }
  }

  public String cron(String cadence) {
    return properties.cron(cadence);
  }

  /** cadence → the process its timer starts. */
  static final java.util.Map<String, String> PROCESS_KEYS = java.util.Map.of("daily", DailyInspectionProcess.KEY,
      WeeklyReportProcess.CADENCE, WeeklyReportProcess.KEY, MonthlyEvaluationProcess.CADENCE,
      MonthlyEvaluationProcess.KEY, QuarterlyAssessmentProcess.CADENCE, QuarterlyAssessmentProcess.KEY);

  @Override
  public java.util.Map<String, String> timerStartCrons() {
    java.util.Map<String, String> crons = new java.util.LinkedHashMap<>();
    PROCESS_KEYS.forEach((cadence, key) -> crons.put(key, cron(cadence)));
    return crons;
  }
}
