package org.stdflow.report;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The schedules of the periodic reports, for the timer start events of monthly-report.bpmn and
 * quarterly-report.bpmn:
 * {@code ${reportSchedules.cron('monthly')}}. Checked at start so that a typo names its property.
 */
@Component("reportSchedules")
public class ReportSchedules implements org.stdflow.platform.TimerStartSchedules {

  private final ReportProperties properties;

  ReportSchedules(ReportProperties properties) {
    this.properties = properties;
    check("stdflow.report.monthly-cron", properties.monthlyCron());
    check("stdflow.report.quarterly-cron", properties.quarterlyCron());
  }

  private static void check(String property, String cron) {
    try {
      new CycleBusinessCalendar().resolveDuedate(cron);
    } catch (RuntimeException e) {
      throw new IllegalStateException(property + " is not a valid cron expression: " + cron + " (" + e.getMessage()
          + ")", e);
    }
  }

  /** The cron of {@code monthly} or {@code quarterly}. */
  public String cron(String kind) {
    return switch (kind) {
      case "monthly" -> properties.monthlyCron();
      case "quarterly" -> properties.quarterlyCron();
      default -> throw new IllegalArgumentException("unknown report kind: " + kind);
    };
  }

  @Override
  public java.util.Map<String, String> timerStartCrons() {
    java.util.Map<String, String> crons = new java.util.LinkedHashMap<>();
    PeriodicReportProcess.KIND_OF_KEY.forEach((key, kind) -> crons.put(key, cron(kind)));
    return crons;
  }
}
