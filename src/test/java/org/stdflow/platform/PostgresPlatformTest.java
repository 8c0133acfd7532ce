package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.standard.StandardLifecycleProcess;

/** The whole app on a real PostgreSQL: schema, Flyway, deployment, organisation. */
@StdflowPostgresTest
class PostgresPlatformTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired ModelProperties modelProperties;
  @Autowired PlannerStatistics plannerStatistics;

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

  @Test
  void authorizationTableHasThePlannerStatisticsOnce() throws Exception {
    plannerStatistics.ensure(); // a second start (or node) finds them and does nothing
    try (Connection c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery("SELECT COUNT(*), MIN(array_length(stxkind, 1))"
            + " FROM pg_statistic_ext WHERE stxname = '" + PlannerStatistics.NAME + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("statistics object on ACT_RU_AUTHORIZATION").isOne();
    }
  }
}
