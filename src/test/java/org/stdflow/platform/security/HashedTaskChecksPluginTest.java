package org.stdflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.organisation.TasklistFilterSetup;

/**
 * Task lists on PostgreSQL check authorizations against hashed sets (HashedTaskChecksPlugin) and
 * answer exactly as Camunda's own statements do: a plain Camunda engine without the plugin, on the
 * same database, is asked the same queries as the same users under every combination of grants and
 * revokes — for the user, the group and everyone, on the task, on all tasks and on the process
 * definition.
 */
@StdflowPostgresTest
class HashedTaskChecksPluginTest {

  private static final String NAME = "散列授权检查测试";
  private static final String PROCESS = "hashedTaskChecksTest";

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired HashedTaskChecksPlugin plugin;

  private ProcessEngine camunda;
  private String deployment;
  private final List<String> standalone = new ArrayList<>();
  private final List<Authorization> added = new ArrayList<>();

  @BeforeEach
  void tasksAndCamundasOwnEngine() {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("camunda-own-sql");
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setAuthorizationEnabled(true);
    config.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    config.setDbMetricsReporterActivate(false);
    camunda = config.buildProcessEngine();

    deployment = engine.getRepositoryService().createDeployment().name(PROCESS)
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).name("散列授权检查")
            .startEvent().userTask("canteenCheck").name(NAME + "-流程").camundaCandidateGroups("sec-canteen")
            .endEvent().done())
        .deploy().getId();
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    standalone.add(task("sec-canteen", null));
    standalone.add(task("sec-canteen", "liuyang"));
    standalone.add(task("sec-property", null));
    standalone.add(task(null, null));
  }

  @AfterEach
  void cleanUp() {
    added.forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    standalone.forEach(id -> engine.getTaskService().deleteTask(id, true));
    engine.getRepositoryService().deleteDeployment(deployment, true);
    camunda.close();
  }

  @Test
  void removesOnlyTheRepeatedCorrelation() {
    String check = """
        CASE WHEN RES.ID_ IN (SELECT
                A.RESOURCE_ID_
         FROM
                ACT_RU_AUTHORIZATION A
         WHERE
                A.TYPE_ = 1
         AND
                A.GROUP_ID_ IN ( ?, ? )
         AND
                A.PERMS_ & ? = ?
         AND
                A.RESOURCE_TYPE_ = ?
         AND
                A.RESOURCE_ID_ = RES.ID_) THEN 1
        WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.USER_ID_ = ?
          AND A.PERMS_ & ? != ? AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = D.KEY_) THEN 0
        WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.USER_ID_ = ?
          AND A.RESOURCE_TYPE_ = ? AND A.RESOURCE_ID_ = '*') THEN 1
        WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1
          AND A.RESOURCE_ID_ = D.KEY_) THEN 1 END""";
    String rewritten = HashedTaskChecksPlugin.uncorrelated(check);

    assertThat(rewritten).doesNotContain("A.RESOURCE_ID_ = RES.ID_").doesNotContain("A.RESOURCE_ID_ = D.KEY_) THEN 0")
        .as("a different column is not the same condition").contains("AND A.RESOURCE_ID_ = D.KEY_) THEN 1 END")
        .as("the check on all resources stays").contains("A.RESOURCE_ID_ = '*'")
        .contains("A.GROUP_ID_ IN ( ?, ? )");
    assertThat(markers(rewritten)).as("parameters unchanged").isEqualTo(markers(check));
    assertThat(HashedTaskChecksPlugin.uncorrelated("select * from ACT_RU_TASK RES where RES.ID_ = ?"))
        .isEqualTo("select * from ACT_RU_TASK RES where RES.ID_ = ?");
  }

  @Test
  void answersAsCamundasOwnStatementsUnderEveryGrantAndRevoke() {
    String s1 = standalone.get(0);
    String property = standalone.get(2);
    String processTask = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS).list().get(0).getId();
    int grant = Authorization.AUTH_TYPE_GRANT;
    int revoke = Authorization.AUTH_TYPE_REVOKE;
    List<Spec> matrix = List.of(
        new Spec(revoke, "liuyang", null, Resources.TASK, s1, Permissions.READ),
        new Spec(revoke, null, "sec-canteen", Resources.TASK, processTask, Permissions.READ),
        new Spec(grant, "liuyang", null, Resources.TASK, property, Permissions.READ),
        new Spec(grant, null, "sec-property", Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ_TASK),
        new Spec(revoke, "huanglei", null, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ_TASK),
        new Spec(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, null, Resources.TASK, Authorization.ANY,
            Permissions.READ),
        new Spec(revoke, null, "sec-canteen", Resources.TASK, Authorization.ANY, Permissions.READ));
    long before = plugin.rewrittenStatements();
    int visibleSomewhere = 0;

    // none, each alone, each pair (user before group, task before all tasks, revoke against grant), all
    List<Integer> subsets = new ArrayList<>(List.of(0, (1 << matrix.size()) - 1));
    for (int i = 0; i < matrix.size(); i++) {
      for (int j = i; j < matrix.size(); j++) {
        subsets.add(1 << i | 1 << j);
      }
    }
    for (int subset : subsets) {
      for (int i = 0; i < matrix.size(); i++) {
        if ((subset & 1 << i) != 0) {
          added.add(matrix.get(i).save(engine));
        }
      }
      for (var user : List.of(new Who("liuyang", "sec-canteen"), new Who("huanglei", "sec-property"),
          new Who("zhulin", "inspectors"))) {
        Answer ours = answer(engine, user);
        assertThat(ours).as("%s with authorizations %s", user, Integer.toBinaryString(subset))
            .isEqualTo(answer(camunda, user));
        visibleSomewhere += ours.all().size();
      }
      added.forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
      added.clear();
    }

    assertThat(visibleSomewhere).as("the matrix shows tasks, not only empty lists").isGreaterThan(50);
    assertThat(plugin.rewrittenStatements() - before).as("our engine ran the rewritten statements")
        .isGreaterThanOrEqualTo(3L * 4 * subsets.size());
  }

  @Test
  void sectionHeadSeesTheSectionsTasksThroughTheTasklistFilter() {
    Answer liuyang = answer(engine, new Who("liuyang", "sec-canteen"));
    assertThat(liuyang.section()).as("process tasks and standalone tasks of the canteen").hasSize(4)
        .contains(standalone.get(0), standalone.get(1));
    assertThat(liuyang.sectionCount()).isEqualTo(4);
    assertThat(answer(engine, new Who("huanglei", "sec-property")).section()).containsExactly(standalone.get(2));
  }

  /** One task or one run's tasks: few rows, probed per row as Camunda does (reading a set would cost more). */
  @Test
  void aTaskAskedByIdOrByRunKeepsCamundasStatement() {
    String processTask = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS).list().get(0).getId();
    String run = engine.getTaskService().createTaskQuery().taskId(processTask).singleResult().getProcessInstanceId();
    engine.getIdentityService().setAuthentication("liuyang", List.of("sec-canteen"));
    try {
      long before = plugin.rewrittenStatements();
      var tasks = engine.getTaskService();
      assertThat(tasks.createTaskQuery().taskId(processTask).singleResult()).isNotNull();
      assertThat(tasks.createTaskQuery().taskIdIn(processTask, standalone.get(2)).list()).hasSize(1);
      assertThat(tasks.createTaskQuery().processInstanceId(run).count()).isOne();
      assertThat(plugin.rewrittenStatements()).isEqualTo(before);

      assertThat(tasks.createTaskQuery().taskNameLike(NAME + "%").count()).isEqualTo(4);
      assertThat(plugin.rewrittenStatements()).as("a list is rewritten").isEqualTo(before + 1);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(HashedTaskChecksPlugin.pinned("not a task query")).isFalse();
  }

  private record Who(String user, String group) {
  }

  /** What a user sees: the section filter's page and count, and every task of the test by query. */
  private record Answer(List<String> section, long sectionCount, List<String> all, long allCount) {
  }

  private Answer answer(ProcessEngine on, Who who) {
    on.getIdentityService().setAuthentication(who.user(), List.of(who.group()));
    try {
      var filters = on.getFilterService();
      String filter = filters.createFilterQuery().filterName(TasklistFilterSetup.SECTION_TASKS).singleResult().getId();
      TaskQuery mine = on.getTaskService().createTaskQuery().taskNameLike(NAME + "%")
          .orderByTaskCreateTime().desc().orderByTaskId().asc();
      List<String> section = filters.<Task, TaskQuery>listPage(filter, mine, 0, 15).stream().map(Task::getId).toList();
      long sectionCount = filters.count(filter, on.getTaskService().createTaskQuery().taskNameLike(NAME + "%"));
      TaskQuery all = on.getTaskService().createTaskQuery().taskNameLike(NAME + "%").orderByTaskId().asc();
      return new Answer(section, sectionCount, all.list().stream().map(Task::getId).toList(),
          on.getTaskService().createTaskQuery().taskNameLike(NAME + "%").count());
    } finally {
      on.getIdentityService().clearAuthentication();
    }
  }

  private String task(String candidateGroup, String assignee) {
    Task task = engine.getTaskService().newTask();
    task.setName(NAME + "-" + standalone.size());
    task.setAssignee(assignee);
    engine.getTaskService().saveTask(task);
    if (candidateGroup != null) {
      engine.getTaskService().addCandidateGroup(task.getId(), candidateGroup);
    }
    return task.getId();
  }

  /** One authorization of the matrix: a grant, revoke or global one, for a user or a group. */
  private record Spec(int type, String user, String group, Resources resource, String resourceId,
      Permission permission) {

    Authorization save(ProcessEngine engine) {
      Authorization a = engine.getAuthorizationService().createNewAuthorization(type);
      a.setUserId(user);
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        a.removePermission(permission);
      } else {
        a.addPermission(permission);
      }
      return engine.getAuthorizationService().saveAuthorization(a);
    }
  }

  private static long markers(String sql) {
    return Pattern.compile("\\?").matcher(sql).results().count();
  }
}
