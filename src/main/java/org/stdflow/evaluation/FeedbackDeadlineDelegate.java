package org.stdflow.evaluation;

import static org.stdflow.evaluation.FeedbackProcess.Vars.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Notifications;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.standard.LifecycleValues;

/**
 * The two non-interrupting timers of the section's reply: 提醒承办科室 (before the deadline) and
 * 逾期上报领导小组 (when it has passed; the office is told as well). One bean, two expressions.
 */
@Component("feedbackDeadlineDelegate")
public class FeedbackDeadlineDelegate {

  private final FeedbackRecords records;
  private final Notifications notifications;
  private final OrganisationFile organisation;

  FeedbackDeadlineDelegate(FeedbackRecords records, Notifications notifications, OrganisationFile organisation) {
    this.records = records;
    this.notifications = notifications;
    this.organisation = organisation;
  }

  public void remind(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    records.markReminded(id);
    notifications.toGroups("feedback-reply-reminder:" + id, "feedback-reply-reminder", FeedbackMails.model(execution),
        List.of(LifecycleValues.string(execution, SECTION)));
  }

  public void escalate(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    records.markEscalated(id);
    List<String> groups = new java.util.ArrayList<>(organisation.groupsOfType(GroupType.LEADERSHIP).stream()
        .map(OrganisationFile.GroupEntry::id).toList());
    groups.addAll(organisation.groupsOfType(GroupType.OFFICE).stream().map(OrganisationFile.GroupEntry::id).toList());
    Map<String, Object> model = FeedbackMails.model(execution);
    notifications.toGroups("feedback-reply-overdue:" + id, "feedback-reply-overdue", model, groups);
  }
}
