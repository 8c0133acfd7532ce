package org.stdflow.bench;

import static org.stdflow.bench.LifecycleShape.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.ConfigurableApplicationContext;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.DocumentService;

/**
 * The happy path on stdflow itself, through the services Tasklist's REST calls end in: the start
 * form submitted by the proposer, each task claimed (when it is a group task) and its form
 * submitted as the user with the user's groups (authorization checks on), the documents the
 * validation demands uploaded through the document service. Everything of stdflow runs: the
 * validation listeners, the register, the audit chain, the task labels, the mail outbox.
 */
final class StdflowLifecycle {

  private final ProcessEngine engine;
  private final FormService forms;
  private final TaskService tasks;
  private final IdentityService identity;
  private final DocumentService documents;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  /** Numbers the proposals: shared by every app started in this JVM, as standard names are unique per node. */
  private static final AtomicLong COUNTER = new AtomicLong();
  private final AtomicLong counter = COUNTER;
  private final String definitionId;

  StdflowLifecycle(ConfigurableApplicationContext app) {
    this.engine = app.getBean(ProcessEngine.class);
    this.forms = engine.getFormService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.documents = app.getBean(DocumentService.class);
    this.definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
  }

  LoadRunner.Lifecycle lifecycle() {
    return (user, timings) -> {
      Map<String, Object> start = proposal("基准测试标准 " + user + "-" + counter.incrementAndGet());
      ProcessInstance pi = as(PROPOSER, () -> forms.submitStartForm(definitionId, start));
      String id = pi.getId();
      long standardId = (Long) engine.getRuntimeService().getVariable(id, "standardId");
      for (String key : TASK_ORDER) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(key).list();
        if (open.isEmpty()) {
          throw new IllegalStateException("no task " + key + " in " + id);
        }
        for (Task task : open) {
          String actor = actor(key, task);
          if (key.equals("Task_DraftStandard")) {
            upload(id, standardId, DocumentKind.STANDARD_TEXT, actor);
            upload(id, standardId, DocumentKind.DRAFTING_NOTES, actor);
          } else if (key.equals("Task_HoldReviewMeeting")) {
            upload(id, standardId, DocumentKind.MEETING_MINUTES, actor);
          }
          Map<String, Object> values = values(id, key);
          timings.completion(() -> complete(task, actor, values));
        }
      }
      if (engine.getManagementService().createJobQuery().processInstanceId(id).activityId("TimerEvent_PeriodicReviewDue")
          .count() != 1) {
        throw new IllegalStateException("life cycle " + id + " is not in force");
      }
    };
  }

  /**
   * A real run of {@code proposer}'s section, driven until {@code untilTask} is open: the template
   * the large-history load clones.
   */
  String runWaitingAt(String proposer, String section, String untilTask) {
    Map<String, Object> start = proposal("基准测试模板 " + section + " " + untilTask);
    start.put("responsibleSection", section);
    ProcessInstance pi = as(proposer, () -> forms.submitStartForm(definitionId, start));
    for (String key : TASK_ORDER) {
      if (key.equals(untilTask)) {
        return pi.getId();
      }
      Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
      complete(task, actor(key, task), values(pi.getId(), key));
    }
    throw new IllegalArgumentException("not on the happy path: " + untilTask);
  }

  static String actor(String key, Task task) {
    return switch (key) {
      case "Task_FormalCheck", "Task_HoldReviewMeeting" -> OFFICE_USER;
      case "Task_ApproveProject", "Task_ApprovePublication" -> LEADER;
      case "Task_CommentOnDraft" -> CONSULTED_USER;
      case "Task_AcknowledgeStandard" -> task.getAssignee();
      default -> PROPOSER;
    };
  }

  /** The form values as Tasklist submits them: the list fields are JSON variables. */
  private Map<String, Object> values(String processInstanceId, String key) {
    Map<String, Object> v = new HashMap<>(formValues(key));
    switch (key) {
      case "Task_DraftStandard" -> {
        v.put("gbt11Elements", Spin.JSON(v.get("gbt11Elements")));
        v.put("consultedSections", Spin.JSON(v.get("consultedSections")));
      }
      case "Task_ResolveComments" -> {
        SpinJsonNode rows = (SpinJsonNode) engine.getRuntimeService().getVariable(processInstanceId, "commentRows");
        List<Map<String, Object>> decided = new ArrayList<>();
        rows.elements().forEach(r -> decided.add(Map.of("commentId", r.prop("commentId").stringValue(),
            "decision", "accept")));
        v.put("commentRows", Spin.JSON(decided));
      }
      default -> {
      }
    }
    return v;
  }

  private Void complete(Task task, String user, Map<String, Object> values) {
    return as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      forms.submitTaskForm(task.getId(), values);
      return null;
    });
  }

  private void upload(String processInstanceId, long standardId, DocumentKind kind, String user) {
    documents.storeGenerated(processInstanceId, standardId, kind, kind.label() + ".pdf", "application/pdf",
        ("%PDF-1.4 benchmark " + kind + " " + counter.get()).getBytes(StandardCharsets.UTF_8), user);
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    identity.setAuthentication(user, groups.computeIfAbsent(user,
        u -> identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList()));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
