package org.stdflow.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Turns Camunda's history events (FULL level, the user operation log included) into audit records
 * of the current transaction. Runs beside the default database handler (a composite), inside the
 * engine command, where the authenticated user and the process model are at hand.
 */
class AuditHistoryEventHandler implements HistoryEventHandler {

  /** Variables holding a decision: its value and reason go into one DECISION entry. */
  static final Pattern DECISION = Pattern.compile(".+(Decision|Outcome)$");
  static final String STANDARD_ID = "standardId";
  private static final Set<String> SKIPPED_OPERATIONS = Set.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
      UserOperationLogEntry.OPERATION_TYPE_CREATE);

  private final AuditRecorder recorder;

  AuditHistoryEventHandler(AuditRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity e) {
      process(e);
    } else if (event instanceof HistoricTaskInstanceEventEntity e) {
      task(e);
    } else if (event instanceof HistoricVariableUpdateEventEntity e) {
      variable(e);
    } else if (event instanceof UserOperationLogEntryEventEntity e) {
      operation(e);
    }
  }

  private void process(HistoricProcessInstanceEventEntity e) {
    String type = e.getEventType();
    AuditRecord r;
    if ("start".equals(type)) {
      r = AuditRecord.of(instant(e.getStartTime()), AuditAction.PROCESS_STARTED)
          .withActor(e.getStartUserId() != null ? e.getStartUserId() : currentUser(), null)
          .withStep(e.getStartActivityId(), activityName(e.getProcessDefinitionId(), e.getStartActivityId()), null)
          .withDetail(e.getProcessDefinitionKey(), e.getBusinessKey(), null);
    } else if ("end".equals(type)) {
      boolean cancelled = e.getDeleteReason() != null;
      r = AuditRecord.of(instant(e.getEndTime()), cancelled ? AuditAction.PROCESS_CANCELLED : AuditAction.PROCESS_ENDED)
          .withActor(currentUser(), null)
          .withStep(e.getEndActivityId(), activityName(e.getProcessDefinitionId(), e.getEndActivityId()), null)
          .withDetail(e.getProcessDefinitionKey(), e.getBusinessKey(), e.getDeleteReason());
    } else {
      return;
    }
    AuditRecord rec = r.withProcess(e.getProcessInstanceId(), e.getProcessDefinitionKey());
    recorder.with(p -> {
      p.processes.add(e.getProcessInstanceId());
      p.keyOfProcess.put(e.getProcessInstanceId(), e.getProcessDefinitionKey());
      p.records.add(rec);
    });
  }

  private void task(HistoricTaskInstanceEventEntity e) {
    String type = e.getEventType();
    String pi = e.getProcessInstanceId();
    if ("create".equals(type)) {
      if (pi != null) {
        recorder.with(p -> {
          p.processes.add(pi);
          p.processOfTask.put(e.getTaskId(), pi);
        });
      }
      return;
    }
    if (!"complete".equals(type) && !"delete".equals(type)) {
      return;
    }
    // the engine reports a task ending either way as "complete"; its delete reason tells which
    AuditAction action = "completed".equals(e.getDeleteReason()) ? AuditAction.TASK_COMPLETED : AuditAction.TASK_CANCELLED;
    String user = currentUser();
    if (user == null && action == AuditAction.TASK_COMPLETED) {
      user = e.getAssignee();
    }
    AuditRecord r = AuditRecord.of(instant(e.getEndTime()), action)
        .withProcess(pi, e.getProcessDefinitionKey())
        .withStep(e.getTaskDefinitionKey(), e.getName(), e.getTaskId())
        .withActor(user, null)
        .withDetail(null, null, action == AuditAction.TASK_CANCELLED ? e.getDeleteReason() : null);
    recorder.with(p -> {
      if (pi != null) {
        p.processes.add(pi);
        p.keyOfProcess.putIfAbsent(pi, e.getProcessDefinitionKey());
        p.processOfTask.put(e.getTaskId(), pi);
      }
      p.records.add(r);
    });
  }

  private void variable(HistoricVariableUpdateEventEntity e) {
    String type = e.getEventType();
    String pi = e.getProcessInstanceId();
    if (pi == null || !("create".equals(type) || "update".equals(type))) {
      return;
    }
    String name = e.getVariableName();
    String value = value(e);
    if (STANDARD_ID.equals(name) && e.getLongValue() != null) {
      long id = e.getLongValue();
      recorder.with(p -> {
        p.standardOfProcess.putIfAbsent(pi, id);
        p.keyOfProcess.putIfAbsent(pi, e.getProcessDefinitionKey());
      });
    }
    if (e.getTaskId() != null) {
      // task-local copies (labels for Tasklist's lists); what users submit lands in the run's scope
      return;
    }
    boolean decision = DECISION.matcher(name).matches();
    String activity = activityOf(e.getActivityInstanceId(), pi);
    AuditRecord r = AuditRecord.of(instant(e.getTimestamp()), decision ? AuditAction.DECISION : AuditAction.VARIABLE_CHANGED)
        .withProcess(pi, e.getProcessDefinitionKey())
        .withStep(activity, activity == null ? null : activityName(e.getProcessDefinitionId(), activity), null)
        .withActor(currentUser(), null)
        .withDetail(name, value, null);
    recorder.with(p -> {
      p.processes.add(pi);
      p.keyOfProcess.putIfAbsent(pi, e.getProcessDefinitionKey());
      p.variables.computeIfAbsent(pi, k -> new HashMap<>()).put(name, value);
      p.records.add(r);
    });
  }

  private void operation(UserOperationLogEntryEventEntity e) {
    String op = e.getOperationType();
    boolean onTaskOrRun = EntityTypes.TASK.equals(e.getEntityType()) || EntityTypes.PROCESS_INSTANCE.equals(e.getEntityType());
    if (op == null || (SKIPPED_OPERATIONS.contains(op) && onTaskOrRun)) {
      return;
    }
    AuditAction action = switch (op) {
      case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> AuditAction.TASK_CLAIMED;
      case UserOperationLogEntry.OPERATION_TYPE_ASSIGN, UserOperationLogEntry.OPERATION_TYPE_SET_OWNER ->
          AuditAction.TASK_ASSIGNED;
      case UserOperationLogEntry.OPERATION_TYPE_DELEGATE, UserOperationLogEntry.OPERATION_TYPE_RESOLVE ->
          AuditAction.TASK_DELEGATED;
      default -> AuditAction.ADMIN_OPERATION;
    };
    String activity = null;
    String step = null;
    if (e.getTaskId() != null && Context.getCommandContext() != null) {
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(e.getTaskId());
      if (task != null) {
        activity = task.getTaskDefinitionKey();
        step = task.getName();
      }
    }
    String change = e.getProperty() == null ? null
        : e.getProperty() + ": " + (e.getOrgValue() == null ? "" : e.getOrgValue()) + " → "
            + (e.getNewValue() == null ? "" : e.getNewValue());
    String pi = e.getProcessInstanceId();
    AuditRecord r = AuditRecord.of(instant(e.getTimestamp()), action)
        .withProcess(pi, e.getProcessDefinitionKey())
        .withStep(activity, step, e.getTaskId())
        .withActor(e.getUserId(), null)
        .withDetail(e.getEntityType() + ":" + op, change, e.getAnnotation());
    String key = e.getOperationId() != null ? e.getOperationId() : e.getId();
    recorder.with(p -> {
      if (pi != null) {
        p.processes.add(pi);
        p.keyOfProcess.putIfAbsent(pi, e.getProcessDefinitionKey());
      }
      p.operations.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    });
  }

  /** "Task_X:123" → Task_X; the run's own scope (activity instance id = run id) → null. */
  private static String activityOf(String activityInstanceId, String pi) {
    if (activityInstanceId == null || activityInstanceId.equals(pi)) {
      return null;
    }
    int colon = activityInstanceId.indexOf(':');
    return colon > 0 ? activityInstanceId.substring(0, colon) : null;
  }

  static String value(HistoricVariableUpdateEventEntity e) {
    String serializer = e.getSerializerName();
    if (serializer == null || "null".equals(serializer)) {
      return null;
    }
    switch (serializer) {
      case "boolean":
        return e.getLongValue() == null ? null : Boolean.toString(e.getLongValue() == 1L);
      case "long", "integer", "short":
        return e.getLongValue() == null ? null : e.getLongValue().toString();
      case "double":
        return e.getDoubleValue() == null ? null : e.getDoubleValue().toString();
      case "date":
        return e.getLongValue() == null ? null : Instant.ofEpochMilli(e.getLongValue()).toString();
      default:
        if (e.getTextValue() != null) {
          return e.getTextValue();
        }
        byte[] bytes = e.getByteValue();
        if (bytes != null && (serializer.contains("json") || serializer.contains("xml"))) {
          return new String(bytes, StandardCharsets.UTF_8);
        }
        return bytes == null ? null : "[" + serializer + "，" + bytes.length + " 字节]";
    }
  }

  private static String currentUser() {
    CommandContext ctx = Context.getCommandContext();
    return ctx == null ? null : ctx.getAuthenticatedUserId();
  }

  private static Instant instant(Date d) {
    return (d != null ? d : ClockUtil.getCurrentTime()).toInstant();
  }

  static String activityName(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null || Context.getProcessEngineConfiguration() == null) {
      return null;
    }
    try {
      ProcessDefinitionEntity pd = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(processDefinitionId);
      ActivityImpl a = pd == null ? null : pd.findActivity(activityId);
      if (a == null) {
        return null;
      }
      Object name = a.getProperty("name");
      return name != null ? name.toString() : a.getName();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
