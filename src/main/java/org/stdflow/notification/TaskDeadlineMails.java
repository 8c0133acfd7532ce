package org.stdflow.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.stdflow.organisation.OrganisationFile;

/**
 * Mails that come from the passing of time rather than a process step: due-date reminders, overdue
 * escalations and the daily digest. Run by the scheduler on every node; the idempotency keys (task,
 * due date, day) make a second run or a second node add nothing, and a changed due date is a new
 * reminder.
 */
@Component
class TaskDeadlineMails {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDeadlineMails.class);

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final Notifications notifications;
  private final TaskCreatedMails taskMails;
  private final OrganisationFile organisation;
  private final NotificationProperties properties;
  private final ZoneId zone;

  TaskDeadlineMails(TaskService taskService, RepositoryService repositoryService, Notifications notifications,
      TaskCreatedMails taskMails, OrganisationFile organisation, NotificationProperties properties, Clock clock) {
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.notifications = notifications;
    this.taskMails = taskMails;
    this.organisation = organisation;
    this.properties = properties;
    this.zone = clock.getZone();
  }

  /** Reminders for tasks due within the lead time, escalations for overdue ones; returns new rows. */
  int scan(LocalDateTime now) {
    Date nowDate = date(now);
    Date horizon = date(now.plus(properties.reminders().leadTime()));
    Map<String, String> processNames = new HashMap<>();
    int created = 0;
    for (Task task : taskService.createTaskQuery().dueAfter(nowDate).dueBefore(horizon).list()) {
      if (deadlinesHandledByProcess(task)) {
        continue;
      }
      try {
        created += remind(task, processNames);
      } catch (NullValueException e) {
        completedMeanwhile(task, e);
      }
    }
    String leadership = properties.reminders().escalationGroup();
    for (Task task : taskService.createTaskQuery().dueBefore(nowDate).list()) {
      if (deadlinesHandledByProcess(task)) {
        continue;
      }
      try {
        Map<String, Object> model = model(task, processNames);
        model.put("assignee", task.getAssignee() == null ? "（未认领）" : task.getAssignee());
        created += notifications.toGroups("overdue:" + task.getId() + ":" + dueKey(task), "task-overdue", model,
            List.of(leadership));
      } catch (NullValueException e) {
        completedMeanwhile(task, e);
      }
    }
    return created;
  }

  private int remind(Task task, Map<String, String> processNames) {
    Map<String, Object> model = model(task, processNames);
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    } else {
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          } else if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
    }
    String key = "reminder:" + task.getId() + ":" + dueKey(task);
    return notifications.toUsers(key, "task-due-soon", model, users)
        + notifications.toGroups(key, "task-due-soon", model, groups);
  }

  /**
   * A task the query found was completed before its variables or candidates were read (on this
   * node or, in a cluster, on another one): nothing to remind of, and the rest of the round goes on.
   */
  private static void completedMeanwhile(Task task, NullValueException e) {
    LOG.debug("Task {} completed during the reminder scan: {}", task.getId(), e.getMessage());
  }

  /** Per process definition and task key: whether the model sends its own deadline mails. */
  private final Map<String, Boolean> ownDeadlines = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A user task marked {@code <camunda:property name="deadlineMails" value="process" />} has its
   * reminder and escalation modelled as timers (e.g. the rectification report): no generic mails
   * on top of the process's own.
   */
  private boolean deadlinesHandledByProcess(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return false;
    }
    return ownDeadlines.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), k -> {
      org.camunda.bpm.model.bpmn.instance.BaseElement element = repositoryService
          .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
      if (element == null || element.getExtensionElements() == null) {
        return false;
      }
      return element.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
          .flatMap(p -> p.getCamundaProperties().stream())
          .anyMatch(p -> "deadlineMails".equals(p.getCamundaName()) && "process".equals(p.getCamundaValue()));
    });
  }

  /** One digest per member of the configured group types who has open tasks; returns new rows. */
  int digest(LocalDateTime now) {
    if (!properties.digest().enabled()) {
      return 0;
    }
    Set<String> groups = new LinkedHashSet<>();
    properties.digest().groupTypes().forEach(t -> organisation.groupsOfType(t).forEach(g -> groups.add(g.id())));
    LocalDate day = now.toLocalDate();
    Date nowDate = date(now);
    Map<String, String> processNames = new HashMap<>();
    int created = 0;
    for (Recipient r : notificationsRecipients().membersOf(groups)) {
      Map<String, Task> open = new LinkedHashMap<>();
      taskService.createTaskQuery().taskAssignee(r.userId()).orderByDueDate().asc().list()
          .forEach(t -> open.put(t.getId(), t));
      taskService.createTaskQuery().taskCandidateUser(r.userId()).orderByDueDate().asc().list()
          .forEach(t -> open.putIfAbsent(t.getId(), t));
      if (open.isEmpty()) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      StringBuilder rows = new StringBuilder();
      int overdue = 0;
      for (Task t : open.values()) {
        boolean late = t.getDueDate() != null && t.getDueDate().before(nowDate);
        overdue += late ? 1 : 0;
        String process = processName(t.getProcessDefinitionId(), processNames);
        String due = taskMails.formatDue(t.getDueDate()) + (late ? "（已逾期）" : "");
        String url = notifications.taskUrl(t.getId());
        text.append("- ").append(t.getName()).append("（").append(process).append("），期限：").append(due)
            .append("\n  ").append(url).append('\n');
        rows.append("<tr").append(late ? " style=\"color:#b00020\"" : "").append("><td><a href=\"")
            .append(HtmlUtils.htmlEscape(url)).append("\">").append(HtmlUtils.htmlEscape(String.valueOf(t.getName())))
            .append("</a></td><td>").append(HtmlUtils.htmlEscape(process)).append("</td><td>")
            .append(HtmlUtils.htmlEscape(due)).append("</td></tr>\n");
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("date", day.toString());
      model.put("openCount", open.size());
      model.put("overdueCount", overdue);
      model.put("taskLines", text.toString());
      model.put("taskRows", rows.toString());
      created += notifications.enqueue("digest:" + day, "daily-digest", model, List.of(r), null);
    }
    return created;
  }

  private Recipients notificationsRecipients() {
    return notifications.recipients();
  }

  private Map<String, Object> model(Task task, Map<String, String> processNames) {
    Object title = null;
    if (task.getProcessInstanceId() != null) {
      title = TaskCreatedMails.subjectOf(
          taskService.getVariable(task.getId(), org.stdflow.standard.StandardLifecycleProcess.Vars.TITLE),
          taskService.getVariable(task.getId(), TaskCreatedMails.STANDARD_LABEL));
    }
    return taskMails.taskModel(task.getId(), task.getName(), processName(task.getProcessDefinitionId(), processNames),
        null, title, task.getDueDate());
  }

  private String processName(String definitionId, Map<String, String> cache) {
    if (definitionId == null) {
      return "";
    }
    return cache.computeIfAbsent(definitionId, id -> {
      ProcessDefinition d = repositoryService.getProcessDefinition(id);
      return d.getName() == null ? d.getKey() : d.getName();
    });
  }

  /** The due date in the key: a postponed task is reminded again. */
  private String dueKey(Task task) {
    return task.getDueDate().toInstant().atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString();
  }

  private Date date(LocalDateTime t) {
    return Date.from(t.atZone(zone).toInstant());
  }
}
