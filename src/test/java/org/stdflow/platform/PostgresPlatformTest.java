package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.stdflow.EmbeddedPostgresConfiguration;
import org.stdflow.StdflowApplication;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.standard.StandardLifecycleProcess.Vars;
import org.stdflow.standard.StandardLifecycleProcessTestData;

/**
 * The whole app on a real PostgreSQL: schema, deployment, organisation and a process run. Its
 * engine has its own name: Camunda keeps engines in a static registry by name, and a second
 * "default" engine would take over the webapps and REST API of the shared H2 test context.
 */
@SpringBootTest(classes = StdflowApplication.class, properties = "camunda.bpm.process-engine-name=postgrestest")
@Import(EmbeddedPostgresConfiguration.class)
@ActiveProfiles({"test", "pg"})
class PostgresPlatformTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired ModelProperties modelProperties;

  @Test
  void runsOnPostgresql() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
        .isEqualTo("postgres");
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
  void proposalHappyPathWithHistory() {
    var identity = engine.getIdentityService();
    identity.setAuthentication("liuyang", java.util.List.of("sec-canteen"));
    ProcessInstance pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey(StandardLifecycleProcess.KEY,
          StandardLifecycleProcessTestData.proposal("机关食堂服务规范（PostgreSQL）"));
    } finally {
      identity.clearAuthentication();
    }
    var tasks = engine.getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        Map.of(Vars.PROJECT_DECISION, "approve"));

    var history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getEndActivityId())
        .isEqualTo(StandardLifecycleProcess.END_PROJECT_APPROVED);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(6);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.PROPOSER).singleResult().getValue()).isEqualTo("liuyang");
  }
}
