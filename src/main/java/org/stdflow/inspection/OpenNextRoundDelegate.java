package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;

/**
 * 开启新一轮整改: the next round with the shorter deadline the DMN gave, a new notice, and whether
 * the standard has now failed often enough (stdflow.inspection.repeat-failure-*) to be sent to an
 * out-of-cycle review — once per window.
 */
@Component("openNextRoundDelegate")
class OpenNextRoundDelegate implements JavaDelegate {

  private final InspectionRecords records;
  private final RectificationRounds rounds;
  private final InspectionProperties properties;
  private final Clock clock;

  private final org.stdflow.platform.calendar.WorkingCalendar calendar;

  OpenNextRoundDelegate(InspectionRecords records, RectificationRounds rounds, InspectionProperties properties,
      Clock clock, org.stdflow.platform.calendar.WorkingCalendar calendar) {
    this.calendar = calendar;
    this.records = records;
    this.rounds = rounds;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> scoring = (Map<String, Object>) execution.getVariable(SCORING);
    Object days = scoring.get("rectificationDays");
    int d = days == null ? 1 : Math.max(1, ((Number) days).intValue());
    String severity = scoring.get("severity") == null || "NONE".equals(scoring.get("severity")) ? "MINOR"
        : scoring.get("severity").toString();
    int round = ((Number) execution.getVariable("nextRound")).intValue();
    Instant now = Instant.now(clock);
    rounds.open(execution, round, severity, calendar.deadline(now, d));

    Object standardId = execution.getVariable(STANDARD_ID);
    Instant since = now.minus(properties.repeatFailureWindow());
    // a rectification without a standard (a complaint about a service) has none to review
    boolean due = standardId != null
        && records.failedRoundsSince(((Number) standardId).longValue(), since) >= properties.repeatFailureThreshold()
        && !records.reviewRequestedSince(((Number) standardId).longValue(), since);
    execution.setVariable(REVIEW_DUE, due);
  }
}
