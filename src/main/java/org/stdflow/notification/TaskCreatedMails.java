package org.stdflow.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.stdflow.standard.StandardLifecycleProcess;

/** The "new task" mail: to the assignee, or else to each candidate user and member of a candidate group. */
@Component
class TaskCreatedMails {

  static final String TEMPLATE = "task-created";
  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Notifications notifications;
  private final Recipients recipients;
  private final ZoneId zone;

  TaskCreatedMails(Notifications notifications, Recipients recipients, Clock clock) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.zone = clock.getZone();
  }

  void taskCreated(DelegateTask task) {
    Map<String, Object> model = new LinkedHashMap<>();
    List<Recipient> to;
    if (task.getAssignee() != null) {
      to = recipients.users(List.of(task.getAssignee()));
      model.put("audience", "您");
    } else {
      Set<String> users = new LinkedHashSet<>();
      Set<String> groups = new LinkedHashSet<>();
      for (IdentityLink link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
          users.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      Map<String, Recipient> unique = new LinkedHashMap<>();
      recipients.users(users).forEach(r -> unique.put(r.userId(), r));
      recipients.membersOf(groups).forEach(r -> unique.putIfAbsent(r.userId(), r));
      to = new ArrayList<>(unique.values());
      model.put("audience", groups.isEmpty() ? "您" : "您所在的" + String.join("、", recipients.groupNames(groups).values()));
    }
    if (to.isEmpty()) {
      return;
    }
    String processName = null;
    String businessKey = null;
    if (task.getExecution() instanceof ExecutionEntity execution) {
      processName = execution.getProcessDefinition() == null ? null : execution.getProcessDefinition().getName();
      businessKey = execution.getProcessBusinessKey();
    }
    model.putAll(taskModel(task.getId(), task.getName(), processName, businessKey,
        subjectOf(task.getVariable(StandardLifecycleProcess.Vars.TITLE), task.getVariable(STANDARD_LABEL)),
        task.getDueDate()));
    notifications.enqueue("task-created:" + task.getId(), TEMPLATE, model, to, task.getId());
  }

  /** A supervision task's standard when the task has no standard title of the life cycle. */
  static final String STANDARD_LABEL = "standardLabel";

  /** The life cycle's title, else the supervision task's standard label, else null. */
  static Object subjectOf(Object title, Object standardLabel) {
    return title instanceof String s && !s.isBlank() ? s : standardLabel;
  }

  /** What every task mail shows about its task. */
  Map<String, Object> taskModel(String taskId, String taskName, String processName, String businessKey, Object title,
      Date due) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("taskId", taskId);
    m.put("taskName", taskName == null ? "待办任务" : taskName);
    m.put("processName", processName == null ? "" : processName);
    m.put("businessKey", businessKey == null ? "—" : businessKey);
    m.put("standardTitle", title instanceof String s && !s.isBlank() ? s : "—");
    m.put("dueDate", formatDue(due));
    m.put("taskUrl", notifications.taskUrl(taskId));
    return m;
  }

  String formatDue(Date due) {
    return due == null ? "未设定" : DUE.format(due.toInstant().atZone(zone));
  }
}
