package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.standard.StandardLifecycleProcess;

/** The whole app on a real PostgreSQL: schema, Flyway, deployment, organisation. */
@StdflowPostgresTest
class PostgresPlatformTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired ModelProperties modelProperties;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void runsOnPostgresql() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");
    try (Connection c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM std_node")) {
      rs.next();
      assertThat(rs.getInt(1)).as("Flyway created and seeded the register").isEqualTo(14);
    }
  }

  @Test
  void modelsAreDeployedOnceAndOrganisationIsLoaded() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(StandardLifecycleProcess.KEY).count()).isOne();
    assertThat(new ModelDeployer(engine.getRepositoryService(), modelProperties).deploy())
        .as("a second run over unchanged models deploys nothing").isNull();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("leadership").count()).isEqualTo(2);
    assertThat(engine.getIdentityService().checkPassword("liuyang", "demo")).isTrue();
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(5);
  }

  /**
   * Revokes are always checked (application.yaml): queries then check each row with indexed
   * lookups, and a revoke an administrator adds in Admin hides the task from its candidates.
   */
  @Test
  void taskQueriesCheckRevokesRowByRow() {
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getAuthorizationCheckRevokes()).isEqualTo("always");
    var tasks = engine.getTaskService();
    var task = tasks.newTask();
    task.setName("撤销授权检查");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "sec-canteen");
    Authorization revoke = null;
    try {
      assertThat(canteenHeadSees(task.getId())).as("the candidate group's task authorization").isTrue();
      revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId("liuyang");
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(task.getId());
      revoke.removePermission(Permissions.READ);
      revoke = engine.getAuthorizationService().saveAuthorization(revoke);
      assertThat(canteenHeadSees(task.getId())).as("revoked for the user").isFalse();
    } finally {
      if (revoke != null) {
        engine.getAuthorizationService().deleteAuthorization(revoke.getId());
      }
      tasks.deleteTask(task.getId(), true);
    }
  }

  /**
   * The engine's transactions reuse plans (EnginePlanCachePlugin, docs/benchmarks.md §20): from the
   * first engine command of a transaction to its end, and only there — the app's own queries outside
   * the engine keep PostgreSQL's default.
   */
  @Test
  void engineTransactionsReusePlansAndNothingElseDoes() throws Exception {
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String inCommand = config.getCommandExecutorTxRequired().execute(
        (org.camunda.bpm.engine.impl.interceptor.Command<String>) ctx -> planCacheMode(
            ctx.getDbSqlSession().getSqlSession().getConnection()));
    assertThat(inCommand).as("inside an engine command").isEqualTo("force_generic_plan");
    try (Connection c = dataSource.getConnection()) {
      assertThat(planCacheMode(c)).as("a connection of the app's own").isEqualTo("auto");
    }
    var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    List<String> seen = new TransactionTemplate(transactions).execute(status -> {
      String before = jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
      engine.getRepositoryService().createProcessDefinitionQuery().count();
      String after = jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
      return List.of(before, after);
    });
    assertThat(seen).as("an app transaction that calls the engine: from the engine's first command on")
        .containsExactly("auto", "force_generic_plan");
    String next = new TransactionTemplate(transactions).execute(
        status -> jdbc.sql("SHOW plan_cache_mode").query(String.class).single());
    assertThat(next).as("the next transaction starts without it").isEqualTo("auto");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EnginePlanCachePlugin("fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine-plan-cache-mode");
    assertThat(new EnginePlanCachePlugin(" auto ").mode()).isEqualTo("auto");
  }

  private static String planCacheMode(Connection c) {
    try (var s = c.createStatement(); var rs = s.executeQuery("SHOW plan_cache_mode")) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean canteenHeadSees(String taskId) {
    engine.getIdentityService().setAuthentication("liuyang", List.of("sec-canteen"));
    try {
      return engine.getTaskService().createTaskQuery().taskCandidateGroup("sec-canteen").taskId(taskId).count() == 1;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
