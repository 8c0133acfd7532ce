package org.stdflow.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Notifications;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;

/**
 * 通报批评: queues the circulated-criticism mail about each criticised section to every section and
 * to leadership, inside the engine transaction (the outbox sends it later). After a savepoint in
 * the model: a failure here retries or becomes an incident, the recorded assessment stays. The
 * idempotency key names the commendation, so a retried job does not mail twice.
 */
@Component("circulateQuarterlyCriticismDelegate")
class CirculateQuarterlyCriticismDelegate implements JavaDelegate {

  static final String SOURCE_LABEL = "季度考核";
  static final String NO_STANDARD = "—";

  private final CadenceRecords records;
  private final Notifications notifications;
  private final OrganisationFile organisation;

  CirculateQuarterlyCriticismDelegate(CadenceRecords records, Notifications notifications, OrganisationFile organisation) {
    this.records = records;
    this.notifications = notifications;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> recipients = new ArrayList<>();
    organisation.groupsOfType(GroupType.SECTION).forEach(g -> recipients.add(g.id()));
    recipients.add("leadership");
    for (String id : CadenceValues.stringList(execution.getVariable(QuarterlyAssessmentProcess.Vars.CRITICISM_IDS))) {
      CadenceRecords.Commendation c = records.commendation(Long.parseLong(id));
      Map<String, Object> model = Map.of(
          "sectionName", organisation.group(c.sectionId()).name(),
          "sourceLabel", SOURCE_LABEL,
          "reason", c.reason(),
          "standardLabel", NO_STANDARD,
          "date", c.recordedAt().toLocalDate().toString());
      notifications.toGroups("criticism:quarterly:" + c.id(), QuarterlyAssessmentProcess.MAIL_TEMPLATE, model,
          recipients);
    }
  }
}
