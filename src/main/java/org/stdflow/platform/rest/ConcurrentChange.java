package org.stdflow.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * What a user meets when someone else got to the task first — the usual case with two people of one
 * section, or two nodes behind a load balancer: the task was completed or changed in the same moment
 * (Camunda: optimistic locking, HTTP 500 with an engine message), is already gone (500 "Cannot find
 * task", or 403 when the task was read just before the winner's commit and its authorizations were
 * gone by the check), or is claimed by someone else (500). These are conflicts, not server faults:
 * 409 or 404 with a message Tasklist shows as it is, in Chinese. Nothing was written by the refused
 * request. A 403 stays a 403 while the task exists.
 *
 * <p>Two completions racing through two nodes can also make the loser read the task before the
 * winner's commit and the task's executions after it: the engine then fails on a half-gone tree
 * (a NullPointerException, or an engine error Camunda maps to 500) before its optimistic lock would
 * have said so. Any such server error on a request about one task that no longer exists is the same
 * "already gone": 404, as above. While the task exists, a 500 stays a 500.
 */
final class ConcurrentChange {

  /** A request about one task: {@code task/{id}/{action}}, under the default or a named engine. */
  private static final Pattern TASK_REQUEST = Pattern.compile("(?:^|/)task/([^/]+)/[^/]+");

  private ConcurrentChange() {
  }

  /** The response for a concurrent change anywhere in the cause chain, or null if there is none. */
  static Response response(Throwable thrown, Predicate<String> taskExists) {
    for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof AuthorizationException denied && denied.getMissingAuthorizations().stream()
          .anyMatch(m -> "Task".equals(m.getResourceType()) && m.getResourceId() != null
              && !taskExists.test(m.getResourceId()))) {
        return gone();
      }
      if (c instanceof OptimisticLockingException) {
        return body(Response.Status.CONFLICT, "OptimisticLockingException",
            "该任务刚刚被他人同时办理或修改，本次操作未保存。请刷新任务列表后查看任务的最新状态。");
      }
      if (c instanceof TaskAlreadyClaimedException claimed) {
        return body(Response.Status.CONFLICT, "TaskAlreadyClaimedException",
            "该任务已被用户 " + claimed.getTaskAssignee() + " 认领，本次认领未生效。请刷新任务列表。");
      }
      if (c instanceof NullValueException && c.getMessage() != null && c.getMessage().startsWith("Cannot find task with id")) {
        return gone();
      }
    }
    return null;
  }

  /**
   * Camunda's own answer, unless it is a server error about a task that is gone meanwhile.
   *
   * @param path the request path relative to the REST application ({@code task/1/complete})
   */
  static Response unlessGone(Response camunda, String path, Predicate<String> taskExists) {
    if (camunda.getStatus() != Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      return camunda;
    }
    String task = taskIn(path);
    return task != null && !taskExists.test(task) ? gone() : camunda;
  }

  /** The id of the task a request is about, or null if it is about no single task. */
  static String taskIn(String path) {
    Matcher m = TASK_REQUEST.matcher(path == null ? "" : path);
    return m.find() && !"report".equals(m.group(1)) ? m.group(1) : null;
  }

  private static Response gone() {
    return body(Response.Status.NOT_FOUND, "NotFoundException", "该任务已不存在：可能已被他人办理完毕或已撤销。请刷新任务列表。");
  }

  private static Response body(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", 0);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
