package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Notifications;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.standard.LifecycleValues;

/**
 * The two non-interrupting timers of the section's report: 发送整改提醒 (the section, before the
 * deadline) and 逾期上报领导小组 (leadership, when the deadline has passed). One bean, two
 * expressions: {@code ${rectificationDeadlineDelegate.remind(execution)}} and {@code .escalate}.
 */
@Component("rectificationDeadlineDelegate")
public class RectificationDeadlineDelegate {

  static final String REMINDER_TEMPLATE = "rectification-reminder";
  static final String OVERDUE_TEMPLATE = "rectification-overdue";

  private final InspectionRecords records;
  private final RectificationRounds rounds;
  private final Notifications notifications;
  private final OrganisationFile organisation;

  RectificationDeadlineDelegate(InspectionRecords records, RectificationRounds rounds, Notifications notifications,
      OrganisationFile organisation) {
    this.records = records;
    this.rounds = rounds;
    this.notifications = notifications;
    this.organisation = organisation;
  }

  public void remind(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, RECTIFICATION_ID);
    int round = ((Number) execution.getVariable(ROUND)).intValue();
    records.markReminded(id, round);
    Map<String, Object> model = rounds.mailModel(execution);
    model.put("findingsText", LifecycleValues.string(execution, FINDINGS_TEXT));
    notifications.toGroups("rectification-reminder:" + id + ":" + round, REMINDER_TEMPLATE, model,
        List.of(LifecycleValues.string(execution, SECTION)));
  }

  public void escalate(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, RECTIFICATION_ID);
    int round = ((Number) execution.getVariable(ROUND)).intValue();
    records.markEscalated(id, round);
    Map<String, Object> model = rounds.mailModel(execution);
    model.put("findingsText", LifecycleValues.string(execution, FINDINGS_TEXT));
    notifications.toGroups("rectification-overdue:" + id + ":" + round, OVERDUE_TEMPLATE, model,
        organisation.groupsOfType(GroupType.LEADERSHIP).stream().map(OrganisationFile.GroupEntry::id).toList());
  }
}
