package org.stdflow.document;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.stdflow.platform.security.CurrentUser;

/**
 * Who may see, upload and read documents, decided by the engine's own authorizations: the
 * ApiAuthenticationFilter has set the caller as the engine's authenticated user, so task queries
 * return only tasks the caller may read.
 */
@Component
class DocumentAccess {

  /** The process variable holding the register id of the standard (set by the life cycle). */
  static final String STANDARD_ID_VARIABLE = "standardId";

  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  DocumentAccess(TaskService taskService, AuthorizationService authorizationService, HistoryService historyService,
      RepositoryService repositoryService, IdentityService identityService,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** The task if the caller may read it (an invisible task and a missing one look the same). */
  Optional<Task> visibleTask(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult());
  }

  /** Assignee, candidate user, member of a candidate group, or granted TASK_WORK (admins). */
  boolean mayWork(CurrentUser user, Task task) {
    if (user.id().equals(task.getAssignee())) {
      return true;
    }
    for (IdentityLink link : asSystem(() -> taskService.getIdentityLinksForTask(task.getId()))) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (user.id().equals(link.getUserId()) || (link.getGroupId() != null && user.isMemberOf(link.getGroupId())))) {
        return true;
      }
    }
    return authorizationService.isUserAuthorized(user.id(), user.groupIds(), TaskPermissions.TASK_WORK,
        Resources.TASK, task.getId());
  }

  /**
   * Published documents are for everyone; the others for admins, for whoever may read a current task
   * of the run, for the standard's responsible section (its drafts, while others review them), and for
   * auditors (READ_HISTORY on the process definition).
   */
  boolean mayRead(CurrentUser user, DocumentInfo document) {
    if (document.versionId() != null || user.isAdmin()) {
      return true;
    }
    String pi = document.processInstanceId();
    if (pi == null) {
      return false;
    }
    if (taskService.createTaskQuery().processInstanceId(pi).count() > 0) {
      return true;
    }
    if (document.standardId() != null && jdbc.sql("SELECT responsible_section FROM std_standard WHERE id = :id")
        .param("id", document.standardId()).query(String.class).optional().filter(user::isMemberOf).isPresent()) {
      return true;
    }
    return processDefinitionKey(pi)
        .map(key -> authorizationService.isUserAuthorized(user.id(), user.groupIds(),
            ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, key))
        .orElse(false);
  }

  /** The {@code standardId} variable of the task's process, if set (read with the engine's rights). */
  Long standardIdOf(Task task) {
    Object value = asSystem(() -> taskService.getVariable(task.getId(), STANDARD_ID_VARIABLE));
    return value instanceof Number n ? n.longValue() : null;
  }

  String processDefinitionName(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    ProcessDefinition definition = asSystem(() -> repositoryService.getProcessDefinition(task.getProcessDefinitionId()));
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  private Optional<String> processDefinitionKey(String processInstanceId) {
    HistoricProcessInstance pi = asSystem(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult());
    return Optional.ofNullable(pi).map(HistoricProcessInstance::getProcessDefinitionKey);
  }

  /**
   * Runs a lookup without the caller's authorizations. Only for facts about a task or run whose
   * access was decided already (the caller need not hold READ on the definition or the instance).
   */
  private <T> T asSystem(Supplier<T> lookup) {
    return org.stdflow.platform.security.AsEngine.get(identityService, lookup);
  }
}
