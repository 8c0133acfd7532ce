package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;

/**
 * The task-local display copies every user task gets (Tasklist labels, the document link) are shown
 * while the task is open and not written to the engine's history; everything else is, at FULL.
 */
@StdflowSpringTest
class DerivedTaskVariablesHistoryPluginTest {

  private static final String PROCESS = "derivedCopiesHistoryTest";

  @Autowired ProcessEngine engine;
  @Autowired DerivedTaskVariablesHistoryPlugin plugin;

  private String deployment;

  @BeforeEach
  void deploy() {
    deployment = TwoStepTestProcess.deploy(engine, PROCESS, "派生变量历史测试");
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void copiesAreShownWhileOpenButNotWrittenToHistory() {
    long skippedBefore = plugin.skippedEvents();
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "title", "机关食堂服务规范", "standardCode", "Q/BSJG BZ205.1-2026", "responsibleSectionName", "食堂管理科",
        // a process variable that happens to carry a copy's name is the run's own data: kept
        "listTitle", "流程级同名变量"));
    Task first = task(pi);

    // Tasklist still shows them: the copies exist on the open task
    Map<String, Object> local = engine.getTaskService().getVariablesLocal(first.getId());
    assertThat(local).containsEntry("listTitle", "机关食堂服务规范").containsEntry("listCode", "Q/BSJG BZ205.1-2026")
        .containsEntry("listSection", "食堂管理科").containsKey("documentsUrl");
    assertThat(plugin.skippedNames()).as("every copy the platform writes is a skipped name")
        .containsAll(local.keySet());
    engine.getTaskService().setVariableLocal(first.getId(), "remark", "任务级备注");
    assertThat(taskHistory(first)).as("only the task's own variable").containsExactly("remark");

    engine.getTaskService().complete(first.getId(), Map.of("checkNote", "已核对"));
    Task second = task(pi);
    assertThat(engine.getTaskService().getVariablesLocal(second.getId())).containsKey("listTitle");
    engine.getTaskService().complete(second.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getState()).isEqualTo("COMPLETED");
    assertThat(taskHistory(first)).containsExactly("remark");
    assertThat(taskHistory(second)).isEmpty();
    List<HistoricVariableInstance> run = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(run).as("the copies' sources and the run's own data keep their history")
        .filteredOn(v -> v.getTaskId() == null).extracting(HistoricVariableInstance::getName)
        .containsExactlyInAnyOrder("title", "standardCode", "responsibleSectionName", "listTitle", "checkNote");
    assertThat(run).filteredOn(v -> "listTitle".equals(v.getName())).extracting(HistoricVariableInstance::getValue)
        .containsExactly("流程级同名变量");
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId())
        .variableUpdates().list()).as("FULL history: every update of every other variable has its detail row")
        .hasSize(6);
    // two tasks × four copies, each created once
    assertThat(plugin.skippedEvents() - skippedBefore).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theEngineStillRunsAtFullHistory() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(engine.getManagementService().getProperties()).containsEntry("historyLevel", "3");
    assertThat(configuration.getCustomHistoryEventHandlers()).as("our writer, and the audit trail's handler")
        .hasAtLeastOneElementOfType(DerivedTaskVariablesHistoryPlugin.Writer.class).hasSizeGreaterThanOrEqualTo(2);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).as("Camunda's own writer replaced, not doubled")
        .isFalse();
  }

  @Test
  void skipsOnlyTaskLocalVariablesOfTheListedNames() {
    var event = new HistoricVariableUpdateEventEntity();
    event.setVariableName("listTitle");
    assertThat(plugin.skips(event)).as("a process variable").isFalse();
    event.setTaskId("t1");
    assertThat(plugin.skips(event)).isTrue();
    event.setVariableName("remark");
    assertThat(plugin.skips(event)).isFalse();
  }

  @Test
  void anEmptyListLeavesCamundasWriterInPlace() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    List<HistoryEventHandler> before = configuration.getCustomHistoryEventHandlers();
    new DerivedTaskVariablesHistoryPlugin(List.of(" ")).preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
    assertThat(configuration.getCustomHistoryEventHandlers()).isSameAs(before);

    new DerivedTaskVariablesHistoryPlugin(List.of("listTitle")).preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).hasSize(1);
  }

  private Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private List<String> taskHistory(Task task) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().taskIdIn(task.getId()).list().stream()
        .map(HistoricVariableInstance::getName).toList();
  }
}
