package org.stdflow.evaluation;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The schedule of the quarterly survey round, for the timer start event of satisfaction-survey:
 * {@code ${evaluationSchedules.surveyCron()}}. Checked when the application starts, so a typo stops
 * the start with the property's name. Like the supervision cadences, Camunda evaluates the cycle
 * when the model is deployed: a changed cron takes effect with the next deployment of the model.
 */
@Component("evaluationSchedules")
public class EvaluationSchedules {

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
}
