package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.stdflow.notification.Notifications;
import org.stdflow.standard.LifecycleValues;

/**
 * Opening a rectification round, shared by the first notice and every round after a failed
 * re-inspection: the record, the variables the forms and the timers read (deadline, reminder, the
 * open findings), and the rectification notice (整改通知) to every member of the section.
 */
@Component
class RectificationRounds {

  static final String ROUND_STARTED_AT = "roundStartedAt";
  static final String NOTICE_TEMPLATE = "rectification-notice";

  private final InspectionRecords records;
  private final Notifications notifications;
  private final InspectionProperties properties;
  private final Clock clock;

  RectificationRounds(InspectionRecords records, Notifications notifications, InspectionProperties properties,
      Clock clock) {
    this.records = records;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  void open(DelegateExecution execution, int round, String severity, Instant deadline) {
    long id = LifecycleValues.longValue(execution, RECTIFICATION_ID);
    Instant now = Instant.now(clock);
    records.openRound(id, round, severity, deadline);
    Instant reminder = deadline.minus(properties.reminderLead());
    if (!reminder.isAfter(now)) {
      // a deadline shorter than the lead time (a 1-day round): remind half-way, not at once
      reminder = now.plus(java.time.Duration.between(now, deadline).dividedBy(2));
    }
    execution.setVariable(ROUND, round);
    // every round's report and re-inspection start empty (the last round's measures failed)
    execution.setVariable(MEASURES, null);
    execution.setVariable(EFFECTIVENESS_NOTE, null);
    execution.setVariable(SEVERITY, severity);
    execution.setVariable(SEVERITY_LABEL, InspectionLabels.severity(severity));
    execution.setVariable(ROUND_STARTED_AT, Date.from(now));
    execution.setVariable(RECTIFICATION_DUE, Date.from(deadline));
    execution.setVariable("rectificationDueText", InspectionLabels.dateTime(Date.from(deadline), clock.getZone()));
    execution.setVariable(REMINDER_DATE, Date.from(reminder));

    List<InspectionRecords.Finding> open = records.findings(id).stream().filter(f -> "OPEN".equals(f.status())).toList();
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<ol>");
    List<Map<String, Object>> checks = new ArrayList<>();
    int no = 1;
    for (InspectionRecords.Finding f : open) {
      String line = "条款 " + f.clauseRef() + "：" + f.requirement() + (f.critical() ? "【关键项】" : "")
          + "——检查发现：" + (f.note() == null ? "（无说明）" : f.note())
          + (f.lastCheckNote() == null ? "" : "；上次复查：" + f.lastCheckNote());
      text.append(no).append(". ").append(line).append('\n');
      html.append("<li>").append(HtmlUtils.htmlEscape(line)).append("</li>");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("findingId", f.id());
      row.put("no", no++);
      row.put("clauseRef", f.clauseRef());
      row.put("requirement", f.requirement() + (f.critical() ? "【关键项】" : ""));
      row.put("note", f.note() == null ? "" : f.note());
      row.put("outcome", null);
      row.put("checkNote", "");
      checks.add(row);
    }
    html.append("</ol>");
    execution.setVariable(FINDINGS_TEXT, text.toString().strip());
    execution.setVariable(FINDING_CHECKS, Spin.JSON(checks));
    execution.setVariable("expectedFindingChecks", Spin.JSON(checks));

    Map<String, Object> model = mailModel(execution);
    model.put("findingsText", text.toString().strip());
    model.put("findingsHtml", html.toString());
    notifications.toGroups("rectification-notice:" + id + ":" + round, NOTICE_TEMPLATE, model,
        List.of(LifecycleValues.string(execution, SECTION)));
  }

  /** What every rectification mail shows. */
  Map<String, Object> mailModel(DelegateExecution execution) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("sectionName", LifecycleValues.string(execution, SECTION_NAME));
    model.put("standardLabel", LifecycleValues.string(execution, STANDARD_LABEL));
    model.put("placeName", LifecycleValues.string(execution, PLACE_NAME));
    // an inspection finds problems at a place of a standard; a complaint or a survey has a subject
    String source = LifecycleValues.string(execution, RECTIFICATION_SOURCE);
    boolean inspection = source == null || "INSPECTION".equals(source);
    model.put("sourceLabel", inspection ? "监督检查" : "COMPLAINT".equals(source) ? "投诉核实" : "满意度测评");
    model.put("placeLabel", inspection ? "检查地点" : "整改事项");
    model.put("subjectLabel", LifecycleValues.string(execution, inspection ? STANDARD_LABEL : PLACE_NAME));
    model.put("placeInSubject", inspection ? LifecycleValues.string(execution, PLACE_NAME) + "，" : "");
    model.put("round", String.valueOf(execution.getVariable(ROUND)));
    model.put("severityLabel", LifecycleValues.string(execution, SEVERITY_LABEL));
    model.put("deadline", LifecycleValues.string(execution, "rectificationDueText"));
    return model;
  }
}
