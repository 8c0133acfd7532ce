package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * 通报批评: a failed re-inspection is recorded as circulated criticism of the section and mailed to
 * every section and to leadership (leadership is informed). Also prepares the inputs of the
 * inspection-scoring DMN for the next round: the inspection's score with resolved findings counted
 * as passed, the critical findings still open, and the next round's number.
 */
@Component("circulateCriticismDelegate")
class CirculateCriticismDelegate implements JavaDelegate {

  static final String TEMPLATE = "circulated-criticism";

  private final InspectionRecords records;
  private final Notifications notifications;
  private final OrganisationFile organisation;
  private final SupervisionUsers users;
  private final Clock clock;

  CirculateCriticismDelegate(InspectionRecords records, Notifications notifications, OrganisationFile organisation,
      SupervisionUsers users, Clock clock) {
    this.records = records;
    this.notifications = notifications;
    this.organisation = organisation;
    this.users = users;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, RECTIFICATION_ID);
    int round = ((Number) execution.getVariable(ROUND)).intValue();
    long open = records.findings(id).stream().filter(f -> "OPEN".equals(f.status())).count();
    String section = LifecycleValues.string(execution, SECTION);
    String sectionName = LifecycleValues.string(execution, SECTION_NAME);
    String standard = LifecycleValues.string(execution, STANDARD_LABEL);
    String reason = "第 " + round + " 轮整改复查不合格：" + LifecycleValues.string(execution, PLACE_NAME) + "仍有 " + open
        + " 个问题未整改到位";
    String by = users.current(execution.getProcessEngineServices());
    long commendation = records.recordCommendation("CRITICISM", "RECTIFICATION", section,
        (Long) execution.getVariable(STANDARD_ID), id, null, reason, by == null ? "system" : by,
        execution.getProcessInstanceId());
    List<String> recipients = new ArrayList<>();
    organisation.groupsOfType(GroupType.SECTION).forEach(g -> recipients.add(g.id()));
    organisation.groupsOfType(GroupType.LEADERSHIP).forEach(g -> recipients.add(g.id()));
    notifications.toGroups("criticism:rectification:" + commendation, TEMPLATE,
        Map.of("sectionName", sectionName, "sourceLabel", "整改复查", "reason", reason, "standardLabel", standard,
            "date", LocalDate.now(clock).toString()),
        recipients);

    InspectionRecords.Score score = records.scoreAfterRectification(id);
    execution.setVariable(PASS_RATE, score.passRate().doubleValue());
    execution.setVariable(CRITICAL_FAILURES, score.criticalFailures());
    execution.setVariable(FAILED_ITEMS, score.failedItems());
    execution.setVariable("nextRound", round + 1);
  }
}
