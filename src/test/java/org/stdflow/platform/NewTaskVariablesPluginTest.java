package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;

/**
 * A new user task's variables are not read from the database (it has none there), while everything
 * stdflow writes on it at creation — the Tasklist labels, the document link — is written as before,
 * and a task's variables that do exist are still read.
 */
@StdflowSpringTest
class NewTaskVariablesPluginTest {

  private static final String PROCESS = "newTaskVariablesTest";
  /** The engine's statements run on this thread while recording (other tests' threads pass through). */
  private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
  private static volatile boolean installed;

  @Autowired ProcessEngine engine;

  private String deployment;

  @BeforeEach
  void deploy() {
    synchronized (NewTaskVariablesPluginTest.class) {
      if (!installed) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
            .getConfiguration().addInterceptor(new Recorder());
        installed = true;
      }
    }
    deployment = TwoStepTestProcess.deploy(engine, PROCESS, "新任务变量测试");
  }

  @AfterEach
  void undeploy() {
    RECORDING.remove();
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void aNewTasksVariablesAreNotReadFromTheDatabase() {
    List<String> started = record(() -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of(
        "title", "机关食堂服务规范", "standardCode", "Q/BSJG BZ205.1-2026", "responsibleSectionName", "食堂管理科")));
    assertThat(started).as("statements while the run starts and its first task is created")
        .isNotEmpty()
        .noneMatch(id -> id.endsWith("selectVariablesByTaskId"));

    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .singleResult();
    Task first = task(pi);
    assertThat(engine.getTaskService().getVariablesLocal(first.getId()))
        .as("the labels and the link written at creation are stored")
        .containsEntry("listTitle", "机关食堂服务规范").containsEntry("listCode", "Q/BSJG BZ205.1-2026")
        .containsEntry("listSection", "食堂管理科").containsKey("documentsUrl");

    // completing reads the first task's variables (they exist) and creates the second without reading its own
    engine.getTaskService().setVariableLocal(first.getId(), "remark", "任务级备注");
    List<String> completed = record(() -> engine.getTaskService().complete(first.getId(), Map.of("checkNote", "已核对")));
    assertThat(completed).as("a task with stored variables is still read: once, the completed one")
        .filteredOn(id -> id.endsWith("selectVariablesByTaskId")).hasSize(1);
    Task second = task(pi);
    assertThat(engine.getTaskService().getVariablesLocal(second.getId())).containsEntry("listTitle", "机关食堂服务规范")
        .containsKey("documentsUrl").doesNotContainKey("remark");
    assertThat(engine.getTaskService().getVariable(second.getId(), "checkNote")).isEqualTo("已核对");
    engine.getTaskService().complete(second.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getState()).isEqualTo("COMPLETED");
  }

  private Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private static List<String> record(Runnable work) {
    List<String> ids = new CopyOnWriteArrayList<>();
    RECORDING.set(ids);
    try {
      work.run();
    } finally {
      RECORDING.remove();
    }
    return ids;
  }

  /** Notes the id of every query the engine runs on a recording thread. */
  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
              BoundSql.class})})
  static final class Recorder implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      List<String> ids = RECORDING.get();
      if (ids != null) {
        ids.add(((MappedStatement) invocation.getArgs()[0]).getId());
      }
      return invocation.proceed();
    }

    @Override
    public Object plugin(Object target) {
      return Plugin.wrap(target, this);
    }

    @Override
    public void setProperties(Properties properties) {
    }
  }
}
