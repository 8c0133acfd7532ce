package org.stdflow.evaluation;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The schedule of the quarterly survey round, for the timer start event of satisfaction-survey:
 * {@code ${evaluationSchedules.surveyCron()}}. Checked when the application starts, so a typo stops
 * the start with the property's name; a changed cron reaches the deployed timer at the next start
 * (TimerStartSync).
 */
@Component("evaluationSchedules")
public class EvaluationSchedules implements org.stdflow.platform.TimerStartSchedules {

  private final EvaluationProperties properties;

  EvaluationSchedules(EvaluationProperties properties) {
    this.properties = properties;
    try {
      new CycleBusinessCalendar().resolveDuedate(properties.surveyCron());
    } catch (RuntimeException e) {
      throw new IllegalStateException("stdflow.evaluation.survey-cron is not a valid cron expression: "
          + properties.surveyCron() + " (" + e.getMessage() + ")", e);
    }
  }

  public String surveyCron() {
    return properties.surveyCron();
  }

  @Override
  public java.util.Map<String, String> timerStartCrons() {
    return java.util.Map.of(SatisfactionSurveyProcess.KEY, surveyCron());
  }
}
