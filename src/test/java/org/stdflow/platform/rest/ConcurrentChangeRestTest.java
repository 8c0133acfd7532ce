package org.stdflow.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.WebappSession;

/**
 * Someone else got to the task first: Tasklist's REST calls get a conflict or not-found with a
 * Chinese message instead of Camunda's HTTP 500 with an engine message; other errors keep
 * Camunda's answers.
 */
@StdflowSpringTest
class ConcurrentChangeRestTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  private Task task;
  private RestClient canteen;
  private RestClient property;
  private ConcurrentChangeExceptionMapper mapper;

  @BeforeEach
  void sharedTask() {
    task = engine.getTaskService().newTask();
    task.setName("两个科室共同办理的任务");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "sec-canteen");
    engine.getTaskService().addCandidateGroup(task.getId(), "sec-property");
    canteen = RestClient.as(port, "liuyang", "demo");
    property = RestClient.as(port, "huanglei", "demo");
    mapper = new ConcurrentChangeExceptionMapper(jdbc);
  }

  @AfterEach
  void removeTask() {
    if (engine.getTaskService().createTaskQuery().taskId(task.getId()).count() > 0) {
      engine.getTaskService().deleteTask(task.getId(), true);
    } else {
      engine.getHistoryService().deleteHistoricTaskInstance(task.getId());
    }
  }

  @Test
  void aClaimThatLostIsAConflictNamingTheAssignee() {
    assertThat(canteen.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "liuyang")).status())
        .isEqualTo(204);
    RestClient.Response lost = property.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "huanglei"));
    assertThat(lost.status()).isEqualTo(409);
    assertThat(lost.json().get("type").asText()).isEqualTo("TaskAlreadyClaimedException");
    assertThat(lost.json().get("message").asText()).isEqualTo("该任务已被用户 liuyang 认领，本次认领未生效。请刷新任务列表。");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("liuyang");
  }

  @Test
  void completingATaskAnotherAlreadyCompletedIsNotFound() {
    assertThat(canteen.post("/engine-rest/task/" + task.getId() + "/complete", RestClient.variables(Map.of())).status())
        .isEqualTo(204);
    for (String action : new String[] {"complete", "submit-form"}) {
      RestClient.Response late = property.post("/engine-rest/task/" + task.getId() + "/" + action,
          RestClient.variables(Map.of()));
      assertThat(late.status()).as(action).isEqualTo(404);
      assertThat(late.json().get("message").asText()).as(action).startsWith("该任务已不存在").contains("请刷新任务列表");
    }
  }

  @Test
  void otherErrorsKeepCamundasAnswers() {
    // (no wrong password here: Camunda's login delay would refuse the user in the other tests too)
    assertThat(RestClient.anonymous(port).get("/engine-rest/task/" + task.getId()).status()).isEqualTo(401);
    RestClient.Response forbidden = RestClient.as(port, "majun", "demo")
        .post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "majun"));
    assertThat(forbidden.status()).as(forbidden.body()).isIn(403, 404);
    assertThat(forbidden.body()).doesNotContain("请刷新任务列表");
    RestClient.Response bad = canteen.post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("x", Map.of("value", "1", "type", "NoSuchType"))));
    assertThat(bad.status()).isEqualTo(400);
  }

  /**
   * The webapps' own engine API (what Tasklist calls, session login and CSRF header): the claim
   * conflict is answered there too, and a denied claim of a task that exists stays Camunda's 403
   * (which needs the mapper's database lookup to work in that Jersey application).
   */
  @Test
  void theWebappsEngineApiAnswersTheSame() throws Exception {
    engine.getTaskService().claim(task.getId(), "liuyang");
    var property = WebappSession.login(port, "huanglei", "demo");
    var lost = property.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/claim", "{\"userId\":\"huanglei\"}");
    assertThat(lost.statusCode()).as(lost.body()).isEqualTo(409);
    assertThat(lost.body()).contains("该任务已被用户 liuyang 认领");
    var inspector = WebappSession.login(port, "majun", "demo");
    var denied = inspector.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/claim", "{\"userId\":\"majun\"}");
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
    assertThat(denied.body()).contains("AuthorizationException");
  }

  /** Two completions in the same instant (the cluster test races them through two nodes). */
  @Test
  void aCompletionThatLostToAnotherIsAConflict() {
    Response wrapped = new FormValidationExceptionMapper().toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE"
            + " TaskEntity[1]' failed. Entity was updated by another transaction concurrently."), "Cannot complete task 1"));
    assertThat(wrapped.getStatus()).isEqualTo(409);
    assertThat(((Map<?, ?>) wrapped.getEntity()).get("message").toString()).startsWith("该任务刚刚被他人同时办理或修改");
    Response other = mapper.toResponse(new ProcessEngineException("something else"));
    assertThat(other.getStatus()).isEqualTo(500);
  }

  /**
   * The loser read the task just before the winner's commit, and the winner's commit removed the
   * task's authorizations before the loser's check: Camunda says 403; the task is gone, so 404.
   */
  @Test
  void aDeniedCompletionOfATaskThatIsGoneIsNotFound() {
    var missing = new MissingAuthorization("TASK_WORK", "Task", task.getId());
    var denied = new AuthorizationException("liuyang", List.of(missing));
    assertThat(mapper.toResponse(denied).getStatus()).as("the task is still there").isEqualTo(403);
    engine.getTaskService().complete(task.getId());
    Response gone = mapper.toResponse(denied);
    assertThat(gone.getStatus()).isEqualTo(404);
    assertThat(((Map<?, ?>) gone.getEntity()).get("message").toString()).startsWith("该任务已不存在");
  }

  /**
   * The loser of a completion race read the task before the winner's commit and its executions
   * after it, and the engine failed on the half-gone tree before its optimistic lock could say so
   * (seen in the cluster test: a NullPointerException, Camunda's 500). With the task gone it is the
   * same "already done by someone else"; while the task exists, a fault stays a 500.
   */
  @Test
  void anEngineFaultOnATaskThatIsGoneMeanwhileIsNotFound() {
    var servers = new ServerErrorExceptionMapper(jdbc);
    var rest = new FormValidationExceptionMapper(jdbc);
    var npe = new NullPointerException("Cannot invoke \"PvmExecutionImpl.getActivityInstanceId()\"");
    var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("Cannot find execution"), "Cannot complete task " + task.getId());
    String complete = "task/" + task.getId() + "/complete";
    String submit = "engine/default/task/" + task.getId() + "/submit-form";
    assertThat(servers.toResponse(npe, complete).getStatus()).as("the task is still there").isEqualTo(500);
    assertThat(rest.toResponse(wrapped, submit).getStatus()).isEqualTo(500);
    assertThat(mapper.toResponse(new ProcessEngineException("x"), complete).getStatus()).isEqualTo(500);

    engine.getTaskService().complete(task.getId());
    for (Response gone : List.of(servers.toResponse(npe, complete), servers.toResponse(npe, submit),
        rest.toResponse(wrapped, submit), mapper.toResponse(new ProcessEngineException("x"), complete))) {
      assertThat(gone.getStatus()).isEqualTo(404);
      assertThat(((Map<?, ?>) gone.getEntity()).get("message").toString()).startsWith("该任务已不存在");
    }
    // a fault that is not about one task, and an answer that is not a fault, stay as they were
    assertThat(servers.toResponse(npe, "process-instance/" + task.getId() + "/variables").getStatus()).isEqualTo(500);
    assertThat(servers.toResponse(npe, "task/report/candidate-group-count").getStatus()).isEqualTo(500);
    assertThat(servers.toResponse(npe, "task/create").getStatus()).isEqualTo(500);
    assertThat(rest.toResponse(new RestException(Response.Status.BAD_REQUEST, "bad"), complete).getStatus())
        .isEqualTo(400);
  }

  /** The catch-all mapper on the real API leaves Jersey's own answers (an unknown path) as they were. */
  @Test
  void theCatchAllLeavesNonFaultsAlone() {
    RestClient.Response unknown = canteen.get("/engine-rest/task/" + task.getId() + "/no-such-action");
    assertThat(unknown.status()).as(unknown.body()).isIn(404, 405);
    assertThat(unknown.body()).doesNotContain("该任务已不存在");
  }
}
