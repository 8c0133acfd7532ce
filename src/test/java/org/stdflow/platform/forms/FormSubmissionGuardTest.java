package org.stdflow.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.WebappSession;
import org.stdflow.standard.LifecycleTestSupport;
import org.stdflow.standard.StandardLifecycleProcess;

/**
 * A form submission through either engine API may set the form's fields only: other variables are
 * refused with the names, and fields the form only shows keep their values.
 */
@StdflowSpringTest
class FormSubmissionGuardTest {

  private static final String PROCESS = "formGuardTest";

  private static final String FORM = """
      {"id": "Form_GuardTest", "type": "default", "schemaVersion": 15,
       "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
       "components": [
         {"type": "text", "text": "## 测试表单 {{shown}}", "id": "t"},
         {"type": "textfield", "key": "note", "label": "说明", "id": "f1"},
         {"type": "textfield", "key": "shown", "label": "只读", "readonly": true, "id": "f2"},
         {"type": "group", "label": "分组", "id": "g", "components": [
           {"type": "number", "key": "address.floor", "label": "楼层", "id": "f3"}]},
         {"type": "dynamiclist", "path": "rows", "label": "行", "id": "l", "components": [
           {"type": "textfield", "key": "item", "label": "项", "id": "f4"},
           {"type": "textfield", "key": "rowId", "label": "编号", "readonly": true, "id": "f5"}]},
         {"type": "button", "key": "submit", "label": "提交", "action": "submit", "id": "b"}]}
      """;

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_GuardTest"
          targetNamespace="http://stdflow.org/test">
        <bpmn:process id="formGuardTest" name="表单字段测试" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Fill" />
          <bpmn:userTask id="Task_Fill" name="填写" camunda:formRef="Form_GuardTest"
              camunda:formRefBinding="deployment" camunda:candidateGroups="sec-canteen" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Fill" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private Deployment deployment;
  private ProcessInstance instance;

  @BeforeEach
  void deploy() {
    deployment = engine.getRepositoryService().createDeployment().name("form-guard-test")
        .addString("form-guard-test.bpmn", BPMN).addString("form-guard-test.form", FORM).deploy();
    instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        Map.of("shown", "原值", "secret", "原值"));
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  @Test
  void variablesThatAreNoFieldOfTheFormAreRefusedAndNothingChanges() throws Exception {
    Task task = task();
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("note", Map.of("value", "好"));
    variables.put("secret", Map.of("value", "改了"));
    variables.put("approved", Map.of("value", true));
    Map<String, Object> body = Map.of("variables", variables);
    for (String api : List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
      int status;
      String response;
      if (api.startsWith("/engine-rest")) {
        RestClient.Response r = RestClient.as(port, "liuyang", "demo").post(api + "/task/" + task.getId() + "/submit-form", body);
        status = r.status();
        response = r.body();
      } else {
        var r = WebappSession.login(port, "liuyang", "demo").post(api + "/task/" + task.getId() + "/submit-form",
            new ObjectMapper().writeValueAsString(body));
        status = r.statusCode();
        response = r.body();
      }
      assertThat(status).as(response).isEqualTo(400);
      var json = new ObjectMapper().readTree(response);
      assertThat(json.get("message").asText())
          .isEqualTo("表单填写有误：提交的数据中有本表单没有的字段（secret、approved），只能提交表单中的字段。");
      assertThat(json.at("/fieldErrors/secret").asText()).isEqualTo("“secret”不是本表单的字段，不能随表单提交");
      assertThat(json.at("/fieldErrors/note").isMissingNode()).isTrue();
    }
    RestClient.Response complete = RestClient.as(port, "liuyang", "demo").post("/engine-rest/task/" + task.getId() + "/complete", body);
    assertThat(complete.status()).isEqualTo(400);

    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry("secret", "原值").doesNotContainKeys("note", "approved");
  }

  @Test
  void theFormsFieldsPassAndWhatItOnlyShowsKeepsItsValue() {
    Task task = task();
    RestClient.Response r = RestClient.as(port, "liuyang", "demo").post("/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of(
            "note", Map.of("value", "已检查"),
            "shown", Map.of("value", "改了"),
            "address", Map.of("value", "{\"floor\": 3}", "type", "Json"),
            "rows", Map.of("value", "[{\"item\": \"a\", \"rowId\": \"1\"}]", "type", "Json"))));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    var history = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId());
    assertThat(history.variableName("note").singleResult().getValue()).isEqualTo("已检查");
    assertThat(history.variableName("shown").singleResult().getValue()).as("read-only field").isEqualTo("原值");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("rows").singleResult()).isNotNull();
  }

  @Test
  void aStartFormSetsItsFieldsOnlyTooNotTheInitiator() {
    var before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(StandardLifecycleProcess.KEY).count();
    Map<String, Object> fields = new java.util.HashMap<>(LifecycleTestSupport.proposal("冒名立项" + System.nanoTime()));
    fields.put(StandardLifecycleProcess.Vars.PROPOSER, "wangjianguo");
    RestClient.Response r = RestClient.as(port, "liuyang", "demo").post(
        "/engine-rest/process-definition/key/" + StandardLifecycleProcess.KEY + "/submit-form", RestClient.variables(fields));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/fieldErrors/proposer").asText()).contains("proposer");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(StandardLifecycleProcess.KEY).count()).isEqualTo(before);
  }

  /** An administrator may set any variable through the API anyway: not held to the form. */
  @Test
  void administratorsAreNotHeldToTheForm() {
    Task task = task();
    RestClient.Response r = RestClient.as(port, "admin", "admin-secret").post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("secret", Map.of("value", "管理员修复"))));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("secret").singleResult().getValue()).isEqualTo("管理员修复");
  }

  @Test
  void theFormsFieldsAreReadFromItsComponents() throws Exception {
    FormFields fields = FormFields.of(new ObjectMapper().readTree(FORM));
    assertThat(fields.formId()).isEqualTo("Form_GuardTest");
    assertThat(fields.submitted()).containsExactlyInAnyOrder("note", "address", "rows");
    assertThat(fields.displayOnly()).containsExactly("shown");
  }

  private Task task() {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}
