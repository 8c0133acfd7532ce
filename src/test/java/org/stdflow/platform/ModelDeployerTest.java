package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdflow.PlainEngine;

/**
 * Restarting unchanged deploys nothing; a changed model creates one new version of what it
 * affects, together with the forms it binds; the H2 file database survives an engine restart.
 */
class ModelDeployerTest {

  @TempDir
  Path dir;

  private static ProcessEngine shared;
  private ProcessEngine engine;
  private Path models;
  private String deploymentName;
  private String alpha;
  private String beta;

  @BeforeAll
  static void startSharedEngine() {
    shared = PlainEngine.start("deployer-shared", "jdbc:h2:mem:deployer-" + UUID.randomUUID());
  }

  @AfterAll
  static void closeSharedEngine() {
    shared.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    models = dir.resolve("models");
    Files.createDirectories(models.resolve("processes/demo"));
    Files.createDirectories(models.resolve("forms/demo"));
    writeForm("alpha", "Form_Alpha", "甲表单");
    writeForm("beta", "Form_Beta", "乙表单");
    engine = shared;
    deploymentName = "stdflow-test-" + UUID.randomUUID();
    // each test deploys its own process keys, so versions start at 1
    String suffix = deploymentName.substring(deploymentName.length() - 6).replaceAll("[^a-z0-9]", "x");
    alpha = "alpha" + suffix;
    beta = "beta" + suffix;
    writeProcess("alpha", alpha, "Form_Alpha", "甲");
    writeProcess("beta", beta, "Form_Beta", "乙");
  }

  @Test
  void unchangedModelsAreNotDeployedTwice() {
    Deployment first = deployer().deploy();
    assertThat(first).isNotNull();
    assertThat(names(first)).containsExactlyInAnyOrder(
        "processes/demo/alpha.bpmn", "processes/demo/beta.bpmn", "forms/demo/alpha.form", "forms/demo/beta.form");

    assertThat(deployer().deploy()).isNull();
    assertThat(latestVersion(alpha)).isEqualTo(1);
  }

  @Test
  void anH2FileDatabaseKeepsTheDeploymentAcrossEngineRestarts() {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    engine = PlainEngine.start("deployer-file", url);
    try {
      assertThat(deployer().deploy()).isNotNull();
    } finally {
      engine.close();
    }
    engine = PlainEngine.start("deployer-file", url);
    try {
      assertThat(deployer().deploy()).as("same H2 file after restart").isNull();
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
      assertThat(latestVersion(alpha)).isEqualTo(1);
    } finally {
      engine.close();
    }
  }

  @Test
  void aChangedProcessIsDeployedWithItsFormsAndNothingElse() throws Exception {
    deployer().deploy();
    writeProcess("alpha", alpha, "Form_Alpha", "甲（修订）");

    Deployment second = deployer().deploy();

    assertThat(names(second)).containsExactlyInAnyOrder("processes/demo/alpha.bpmn", "forms/demo/alpha.form");
    assertThat(latestVersion(alpha)).isEqualTo(2);
    assertThat(latestVersion(beta)).isEqualTo(1);
    assertThat(deployer().deploy()).isNull();
  }

  @Test
  void aChangedFormRedeploysTheProcessesThatUseIt() throws Exception {
    deployer().deploy();
    writeForm("beta", "Form_Beta", "乙表单（新）");

    Deployment second = deployer().deploy();

    assertThat(names(second)).containsExactlyInAnyOrder("processes/demo/beta.bpmn", "forms/demo/beta.form");
    assertThat(latestVersion(beta)).isEqualTo(2);
    assertThat(latestVersion(alpha)).isEqualTo(1);
  }

  private int latestVersion(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  private ModelDeployer deployer() {
    String root = models.toUri().toString();
    return new ModelDeployer(engine.getRepositoryService(), new ModelProperties(
        List.of(root + "processes/**/*.bpmn", root + "forms/**/*.form"), deploymentName));
  }

  private List<String> names(Deployment deployment) {
    return engine.getRepositoryService().getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).toList();
  }

  private void writeProcess(String file, String key, String formId, String name) throws Exception {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://test">
          <bpmn:process id="%1$s" name="%3$s" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Started" targetRef="Task_Fill" />
            <bpmn:userTask id="Task_Fill" name="填写" camunda:candidateGroups="sec-general"
                camunda:formRef="%2$s" camunda:formRefBinding="deployment" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Fill" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, formId, name);
    Files.writeString(models.resolve("processes/demo/" + file + ".bpmn"), xml, StandardCharsets.UTF_8);
  }

  private void writeForm(String file, String formId, String label) throws Exception {
    String json = """
        {"id": "%s", "type": "default", "components": [{"type": "textfield", "key": "note", "label": "%s"}]}
        """.formatted(formId, label);
    Files.writeString(models.resolve("forms/demo/" + file + ".form"), json, StandardCharsets.UTF_8);
  }
}
