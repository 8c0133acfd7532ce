package org.stdflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;
import org.stdflow.platform.security.AuthorizationGroupsPlugin.FewGroupsAuthorizationManager;

/**
 * Users in few groups skip Camunda's scan of the authorization table for "groups holding any
 * authorization", and every check still answers as Camunda's would: a group without
 * authorizations grants nothing, a group revoke still revokes, many groups still get the prefilter.
 */
@StdflowSpringTest
class AuthorizationGroupsPluginTest {

  @Autowired ProcessEngine engine;

  private Task task;

  @BeforeEach
  void canteenTask() {
    task = engine.getTaskService().newTask();
    task.setName("授权组预筛选测试");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "sec-canteen");
  }

  @AfterEach
  void removeTask() {
    engine.getIdentityService().clearAuthentication();
    engine.getTaskService().deleteTask(task.getId(), true);
  }

  @Test
  void aFewGroupsArePassedOnWithoutReadingTheAuthorizationTable() {
    Filtered result = inCommand(m -> new Filtered(
        m.filterAuthenticatedGroupIds(List.of("sec-canteen", "no-authorizations", "sec-canteen")), m.prefilterRan()));
    assertThat(result.groups()).containsExactly("sec-canteen", "no-authorizations");
    assertThat(result.prefilterRan()).as("no SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION").isFalse();
  }

  @Test
  void manyGroupsStillGetCamundasPrefilter() {
    List<String> groups = new ArrayList<>(IntStream.range(0, 25).mapToObj(i -> "ldap-group-" + i).toList());
    groups.add("sec-canteen");
    Filtered result = inCommand(m -> new Filtered(m.filterAuthenticatedGroupIds(groups), m.prefilterRan()));
    assertThat(result.groups()).as("only groups that hold authorizations").containsExactly("sec-canteen");
    assertThat(result.prefilterRan()).isTrue();
  }

  /**
   * Every answer equals Camunda's own: the same groups padded beyond the threshold with groups
   * holding nothing go through Camunda's prefilter, and must be answered alike — also with revokes.
   */
  @Test
  void checksAnswerAsCamundasPrefilterDoes() {
    assertThat(sees("liuyang", List.of("sec-canteen"))).isTrue();
    assertThat(sees("liuyang", List.of("no-authorizations", "sec-canteen"))).isTrue();
    assertThat(sees("huanglei", List.of("sec-property", "no-authorizations"))).as("other section").isFalse();
    assertThat(sees("nobody", List.of("no-authorizations"))).isFalse();
    List<List<String>> cases = List.of(List.of("sec-canteen"), List.of("sec-canteen", "no-authorizations"),
        List.of("sec-property"), List.of("no-authorizations"), List.of("sec-canteen", "revoked-group"),
        List.of("revoked-group"));
    assertSameAnswers(cases);

    Authorization groupRevoke = revoke(a -> a.setGroupId("revoked-group"));
    Authorization userRevoke = null;
    try {
      assertSameAnswers(cases);
      userRevoke = revoke(a -> a.setUserId("liuyang"));
      assertThat(sees("liuyang", List.of("sec-canteen"))).as("the user's revoke").isFalse();
      assertSameAnswers(cases);
    } finally {
      engine.getAuthorizationService().deleteAuthorization(groupRevoke.getId());
      if (userRevoke != null) {
        engine.getAuthorizationService().deleteAuthorization(userRevoke.getId());
      }
    }
  }

  private void assertSameAnswers(List<List<String>> cases) {
    for (List<String> groups : cases) {
      List<String> padded = new ArrayList<>(groups);
      IntStream.range(0, 25).mapToObj(i -> "ldap-group-" + i).forEach(padded::add);
      assertThat(sees("liuyang", groups)).as("liuyang in %s", groups).isEqualTo(sees("liuyang", padded));
    }
  }

  private Authorization revoke(java.util.function.Consumer<Authorization> who) {
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    who.accept(revoke);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.READ);
    return engine.getAuthorizationService().saveAuthorization(revoke);
  }

  private record Filtered(List<String> groups, boolean prefilterRan) {
  }

  private boolean sees(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private <T> T inCommand(java.util.function.Function<FewGroupsAuthorizationManager, T> body) {
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return config.getCommandExecutorTxRequired().execute(ctx -> {
      assertThat(ctx.getAuthorizationManager()).isInstanceOf(FewGroupsAuthorizationManager.class);
      return body.apply((FewGroupsAuthorizationManager) ctx.getAuthorizationManager());
    });
  }
}
