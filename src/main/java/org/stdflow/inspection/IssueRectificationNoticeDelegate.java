package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLabels;

/**
 * 下达整改通知: opens the rectification of a failed inspection with its findings and the first
 * round's deadline from the inspection-scoring DMN, and queues the notice to the section.
 */
@Component("issueRectificationNoticeDelegate")
class IssueRectificationNoticeDelegate implements JavaDelegate {

  private final InspectionRecords records;
  private final RectificationRounds rounds;
  private final StandardLabels labels;
  private final org.stdflow.standard.StandardRegister register;
  private final Clock clock;
  private final org.stdflow.platform.calendar.WorkingCalendar calendar;

  IssueRectificationNoticeDelegate(InspectionRecords records, RectificationRounds rounds, StandardLabels labels,
      org.stdflow.standard.StandardRegister register, Clock clock, org.stdflow.platform.calendar.WorkingCalendar calendar) {
    this.calendar = calendar;
    this.records = records;
    this.rounds = rounds;
    this.labels = labels;
    this.register = register;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(RECTIFICATION_ID) != null) {
      fromOtherSource(execution, LifecycleValues.longValue(execution, RECTIFICATION_ID));
      return;
    }
    long inspectionId = LifecycleValues.longValue(execution, INSPECTION_ID);
    InspectionRecords.Inspection x = records.inspection(inspectionId);
    long id = records.openRectification(inspectionId, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(String.format("ZG%06d", id));
    execution.setVariable(RECTIFICATION_ID, id);
    execution.setVariable(STANDARD_ID, x.standardId());
    execution.setVariable(RECTIFICATION_SOURCE, "INSPECTION");
    execution.setVariable(STANDARD_LABEL, x.standardLabel());
    execution.setVariable(SECTION, x.sectionId());
    execution.setVariable(SECTION_NAME, labels.groupName(x.sectionId()));
    execution.setVariable(PLACE_NAME, x.placeName());
    execution.setVariable(MEASURES, null);
    execution.setVariable(EFFECTIVENESS_NOTE, null);
    int days = x.rectificationDays() == null ? 7 : x.rectificationDays();
    rounds.open(execution, 1, x.severity() == null ? "MINOR" : x.severity(),
        calendar.deadline(Instant.now(clock), days));
  }

  /** Opened by {@link Rectifications} (complaint, survey): the record exists, severity and days are given. */
  private void fromOtherSource(DelegateExecution execution, long id) {
    InspectionRecords.Rectification r = records.rectification(id);
    execution.setVariable(STANDARD_ID, r.standardId());
    execution.setVariable(RECTIFICATION_SOURCE, r.source());
    String standard = "（未关联标准）";
    if (r.standardId() != null) {
      org.stdflow.standard.StandardRegister.Standard s = register.get(r.standardId());
      standard = (s.code() == null ? "" : s.code() + " ") + s.title();
    }
    execution.setVariable(STANDARD_LABEL, standard);
    execution.setVariable(SECTION, r.sectionId());
    execution.setVariable(SECTION_NAME, labels.groupName(r.sectionId()));
    execution.setVariable(PLACE_NAME, r.subject());
    execution.setVariable(MEASURES, null);
    execution.setVariable(EFFECTIVENESS_NOTE, null);
    int days = ((Number) execution.getVariable("rectificationDays")).intValue();
    rounds.open(execution, 1, LifecycleValues.string(execution, SEVERITY),
        calendar.deadline(Instant.now(clock), days));
  }
}
