package org.stdflow.inspection;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of supervision that an installation may change without touching a model. (Scores,
 * severities and rectification deadlines are business rules and live in the DMN table
 * processes/inspection/inspection-scoring.dmn.)
 *
 * @param cadence cron expression (Quartz syntax, as Camunda timers use it: seconds minutes hours
 *     day-of-month month day-of-week) per cadence: daily, weekly, monthly, quarterly
 * @param inspectionPeriod how long inspectors have for a daily inspection before it counts as missed
 * @param reportPeriod how long sections have for the weekly report and the office for the monthly
 *     evaluation, leadership for the quarterly assessment
 * @param reminderLead how long before a rectification deadline the section is reminded
 * @param repeatFailureWindow window in which failed rounds of the same standard are counted
 * @param repeatFailureThreshold failed rounds within the window that send the standard to an
 *     out-of-cycle review (default: the second)
 */
@ConfigurationProperties("stdflow.inspection")
public record InspectionProperties(Map<String, Cadence> cadence, Duration inspectionPeriod, Duration reportPeriod,
    Duration reminderLead, Duration repeatFailureWindow, Integer repeatFailureThreshold) {

  /** The cadences and their default schedules. */
  public static final Map<String, String> DEFAULT_CRONS = Map.of(
      "daily", "0 0 8 ? * MON-FRI",
      "weekly", "0 0 9 ? * FRI",
      "monthly", "0 0 9 1 * ?",
      "quarterly", "0 0 9 5 1,4,7,10 ?");

  /** @param cron when the cadence's timer start event fires */
  public record Cadence(String cron) {
  }

  public InspectionProperties {
    cadence = cadence == null ? Map.of() : Map.copyOf(cadence);
    inspectionPeriod = inspectionPeriod == null ? Duration.ofDays(1) : inspectionPeriod;
    reportPeriod = reportPeriod == null ? Duration.ofDays(3) : reportPeriod;
    reminderLead = reminderLead == null ? Duration.ofDays(1) : reminderLead;
    repeatFailureWindow = repeatFailureWindow == null ? Duration.ofDays(90) : repeatFailureWindow;
    repeatFailureThreshold = repeatFailureThreshold == null ? 2 : repeatFailureThreshold;
    if (repeatFailureThreshold < 1) {
      throw new IllegalArgumentException("stdflow.inspection.repeat-failure-threshold must be at least 1");
    }
    for (String name : cadence.keySet()) {
      if (!DEFAULT_CRONS.containsKey(name)) {
        throw new IllegalArgumentException("stdflow.inspection.cadence." + name
            + " is not a cadence; known: daily, weekly, monthly, quarterly");
      }
    }
  }

  /** The configured cron of a cadence, or its default. */
  public String cron(String name) {
    if (!DEFAULT_CRONS.containsKey(name)) {
      throw new IllegalArgumentException("unknown cadence " + name);
    }
    Cadence c = cadence.get(name);
    return c == null || c.cron() == null || c.cron().isBlank() ? DEFAULT_CRONS.get(name) : c.cron().strip();
  }
}
