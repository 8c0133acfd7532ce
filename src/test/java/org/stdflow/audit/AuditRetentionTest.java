package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.standard.StandardLifecycleProcess;

/**
 * Retention: every process model keeps its history at least as long as stdflow.audit.retention
 * (3650 days by default), and Camunda's history cleanup, even when it removes a run's engine
 * history, leaves the run's audit entries and the chain intact.
 */
@StdflowSpringTest
class AuditRetentionTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired AuditChain chain;
  @Autowired AuditProperties properties;

  private String deploymentId;

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void everyModelKeepsHistoryForTheRetention() {
    assertThat(properties.retentionDays()).isEqualTo(3650);
    ProcessDefinition lifecycle = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(StandardLifecycleProcess.KEY).latestVersion().singleResult();
    assertThat(lifecycle.getHistoryTimeToLive()).isGreaterThanOrEqualTo(3650);

    ProcessDefinition shortLived = deploy(1);
    assertThat(shortLived.getHistoryTimeToLive()).isEqualTo(3650);
    assertThat(deploy(4000).getHistoryTimeToLive()).isEqualTo(4000);
  }

  @Test
  void historyCleanupLeavesTheAuditTrailAlone() {
    ProcessDefinition def = deploy(3650);
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    ProcessInstance pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceById(def.getId(), "retention-" + def.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished()
        .count()).isEqualTo(1);
    long entries = auditEntriesOf(pi.getId());
    assertThat(entries).isGreaterThanOrEqualTo(2); // started, ended

    // an admin forces the run's engine history to expire now, and the cleanup runs
    Batch batch = engine.getHistoryService().setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(new Date(System.currentTimeMillis() - 86_400_000L)).byIds(pi.getId()).executeAsync();
    runBatch(batch);
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("engine history removed by the cleanup").isZero();
    assertThat(auditEntriesOf(pi.getId())).as("audit entries kept").isGreaterThanOrEqualTo(entries);
    assertThat(chain.verify().intact()).isTrue();
  }

  private long auditEntriesOf(String pi) {
    return jdbc.sql("SELECT COUNT(*) FROM aud_entry WHERE process_instance_id = :pi").param("pi", pi)
        .query(Long.class).single();
  }

  private void runBatch(Batch batch) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().list().stream()
          .filter(j -> batch.getSeedJobDefinitionId().equals(j.getJobDefinitionId())
              || batch.getBatchJobDefinitionId().equals(j.getJobDefinitionId())
              || batch.getMonitorJobDefinitionId().equals(j.getJobDefinitionId()))
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
  }

  private ProcessDefinition deploy(int ttl) {
    String key = "retention-probe-" + ttl;
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("保留期测试").camundaHistoryTimeToLive(ttl)
        .startEvent("StartEvent_Probe").name("开始").endEvent("EndEvent_Probe").name("结束").done();
    Deployment d = engine.getRepositoryService().createDeployment().name("retention-test")
        .addModelInstance(key + ".bpmn", model).deploy();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
    deploymentId = d.getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(d.getId()).singleResult();
  }
}
