package org.stdflow.platform.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.security.EngineCaller;
import org.stdflow.platform.security.ErrorResponses;
import org.stdflow.platform.security.AsEngine;

/**
 * Camunda's task attachments and comments are writes its authorization lets through for anyone who
 * may <em>read</em> the task — the auditors, who read everything, could delete a file or write a
 * comment. On both engine APIs:
 * <ul>
 *   <li>attachments are not written through Camunda at all (except by administrators): files go through
 *       the document page, which checks their type and size and files them with the run
 *       ({@code /pages/documents.html}); reading attachments stays as it is;</li>
 *   <li>a task's comments are written (added, changed, deleted) only by whoever may work on the task —
 *       its assignee, its candidates, a TASK_WORK grant — and by administrators;</li>
 *   <li>a process instance's comments only by administrators.</li>
 * </ul>
 */
public class TaskNotesGuard extends OncePerRequestFilter {

  private static final String API = "/(?:engine-rest|camunda/api/engine/engine/[^/]+)";
  private static final Pattern TASK_ATTACHMENT = Pattern.compile(API + "/task/[^/]+/attachment(?:/.*)?");
  private static final Pattern TASK_COMMENT = Pattern.compile(API + "/task/([^/]+)/comment(?:/.*)?");
  private static final Pattern INSTANCE_COMMENT = Pattern.compile(API + "/process-instance/[^/]+/comment(?:/.*)?");

  private final ProcessEngine engine;

  public TaskNotesGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())) {
      return true;
    }
    String path = path(request);
    return !(TASK_ATTACHMENT.matcher(path).matches() || TASK_COMMENT.matcher(path).matches()
        || INSTANCE_COMMENT.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser caller = EngineCaller.of(request, engine);
    if (caller == null || caller.isAdmin()) {
      chain.doFilter(request, response); // the engine answers an anonymous call; admins may do all
      return;
    }
    String path = path(request);
    if (TASK_ATTACHMENT.matcher(path).matches()) {
      ErrorResponses.write(response, 403, "请通过任务表单中的“文档”链接上传或管理文件（系统在那里检查文件类型并随流程归档）。");
      return;
    }
    Matcher comment = TASK_COMMENT.matcher(path);
    if (comment.matches() && mayWorkOn(comment.group(1), caller)) {
      chain.doFilter(request, response);
      return;
    }
    ErrorResponses.write(response, 403, comment.matches()
        ? "只有办理该任务的人员可以填写或修改任务评论。"
        : "流程评论只能由系统管理员修改。");
  }

  private boolean mayWorkOn(String taskId, CurrentUser user) {
    return AsEngine.get(engine.getIdentityService(), () -> {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return true; // the engine answers an unknown task
      }
      if (user.id().equals(task.getAssignee())) {
        return true;
      }
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())
            && (user.id().equals(link.getUserId()) || link.getGroupId() != null && user.isMemberOf(link.getGroupId()))) {
          return true;
        }
      }
      return engine.getAuthorizationService().isUserAuthorized(user.id(), user.groupIds(), TaskPermissions.TASK_WORK,
          Resources.TASK, taskId);
    });
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
