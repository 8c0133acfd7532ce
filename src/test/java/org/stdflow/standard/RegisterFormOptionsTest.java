package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.standard.StandardLifecycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.WebappSession;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;

/**
 * The proposal forms offer the register's tree as it is when the form is opened, and the forms that
 * list sections the organisation's sections — through Camunda's REST API and Tasklist's own engine
 * API — while every other form is served as deployed.
 */
@StdflowSpringTest
class RegisterFormOptionsTest extends LifecycleTestSupport {

  private static final String START_FORM = "/process-definition/key/" + KEY + "/deployed-start-form";

  @LocalServerPort int port;
  @Autowired OrganisationFile organisation;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> added = new ArrayList<>();

  @AfterEach
  void removeAddedNodes() {
    // deepest first; the other tests count the tree's leaves
    for (int i = added.size() - 1; i >= 0; i--) {
      RestClient.Response deleted = office().delete("/api/nodes/" + added.get(i));
      assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }
  }

  @Test
  void aNodeTheOfficeAddsIsOfferedAtOnceInTheStartForm() throws Exception {
    String code = "205" + ThreadLocalRandom.current().nextInt(100, 999);
    addNode(code, "食堂应急保障" + code, "205");
    addNode(code + ".1", "食品安全突发事件", code);

    for (JsonNode form : List.of(RestClient.as(port, "liuyang", "demo").get("/engine-rest" + START_FORM).json(),
        json.readTree(WebappSession.login(port, "liuyang", "demo")
            .get("/camunda/api/engine/engine/default" + START_FORM).body()))) {
      assertThat(form.get("id").asText()).isEqualTo("Form_ProposeStandard");
      List<String> nodes = labels(field(form, "node"));
      assertThat(nodes).contains("101 标准化工作指南", "302 评价与改进")
          .noneMatch(label -> label.startsWith("100 ") || label.startsWith("200 ") || label.startsWith("300 "));
      int parent = nodes.indexOf("205 后勤服务保障（食堂、物业、会务）");
      assertThat(nodes.subList(parent + 1, parent + 3))
          .containsExactly("　" + code + " 食堂应急保障" + code, "　　" + code + ".1 食品安全突发事件");
      assertThat(values(field(form, "node"))).contains(code, code + ".1");
      assertThat(values(field(form, Vars.RESPONSIBLE_SECTION))).containsExactlyElementsOf(sectionIds());
      // the rest of the form is the deployed one
      JsonNode deployed = deployed("Form_ProposeStandard");
      assertThat(field(form, Vars.TITLE)).isEqualTo(field(deployed, Vars.TITLE));
      assertThat(field(form, Vars.STANDARD_TYPE)).isEqualTo(field(deployed, Vars.STANDARD_TYPE));
    }

    // and the proposal is accepted with it
    ProcessInstance pi = propose("liuyang", withNode(proposal(unique("食品安全突发事件应急预案")), code + ".1"));
    assertThat(register.get(standardId(pi)).nodeCode()).isEqualTo(code + ".1");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    jdbc.sql("DELETE FROM std_standard WHERE id = :id").param("id", standardId(pi)).update();
  }

  @Test
  void taskFormsGetTheLiveOptionsToo() throws Exception {
    ProcessInstance pi = propose("liuyang", proposal(unique("会议服务规范")));
    complete(pi, TASK_FORMAL_CHECK, "zhaomin",
        Map.of(Vars.FORMAL_CHECK_DECISION, "supplement", Vars.FORMAL_CHECK_REASON, "请补充适用范围"));
    String supplement = task(pi, TASK_SUPPLEMENT_PROPOSAL).getId();
    String code = "302" + ThreadLocalRandom.current().nextInt(100, 999);
    addNode(code, "满意度测评" + code, "302");

    JsonNode form = RestClient.as(port, "liuyang", "demo").get("/engine-rest/task/" + supplement + "/deployed-form").json();
    assertThat(form.get("id").asText()).isEqualTo("Form_SupplementProposal");
    List<String> nodes = labels(field(form, "node"));
    // after its parent (other tests may have added siblings under 302 before it)
    assertThat(nodes.indexOf("　" + code + " 满意度测评" + code)).isGreaterThan(nodes.indexOf("302 评价与改进"));
    assertThat(nodes.subList(nodes.indexOf("302 评价与改进") + 1, nodes.indexOf("　" + code + " 满意度测评" + code) + 1))
        .allMatch(label -> label.startsWith("　"));
    assertThat(values(field(form, Vars.RESPONSIBLE_SECTION))).containsExactlyElementsOf(sectionIds());

    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test");
    jdbc.sql("DELETE FROM std_standard WHERE id = :id").param("id", standardId(pi)).update();

    ProcessInstance drafting = approvedProposal(unique("会议服务规范"), "liuyang", "sec-canteen");
    String draft = task(drafting, TASK_DRAFT_STANDARD).getId();
    JsonNode draftForm = json.readTree(WebappSession.login(port, "liuyang", "demo")
        .get("/camunda/api/engine/engine/default/task/" + draft + "/deployed-form").body());
    assertThat(values(field(draftForm, Vars.CONSULTED_SECTIONS))).containsExactlyElementsOf(sectionIds());
  }

  @Test
  void otherFormsAndErrorsPassAsTheEngineAnswers() throws Exception {
    ProcessInstance pi = propose("liuyang", proposal(unique("物业保洁规范")));
    String check = task(pi, TASK_FORMAL_CHECK).getId();
    RestClient.Response form = RestClient.as(port, "zhaomin", "demo").get("/engine-rest/task/" + check + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json()).isEqualTo(deployed("Form_FormalCheck"));

    RestClient.Response missing = RestClient.as(port, "zhaomin", "demo").get("/engine-rest/task/no-such-task/deployed-form");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("type").asText()).isNotEmpty();
    // a section head who may not see the task gets the engine's refusal, not a form
    RestClient.Response denied = RestClient.as(port, "huanglei", "demo").get("/engine-rest/task/" + check + "/deployed-form");
    assertThat(denied.status()).isEqualTo(403);
  }

  private void addNode(String code, String name, String parent) {
    RestClient.Response created = office().post("/api/nodes", Map.of("code", code, "name", name, "parentCode", parent));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    added.add(code);
  }

  private RestClient office() {
    return RestClient.as(port, "zhaomin", "demo");
  }

  private List<String> sectionIds() {
    return organisation.groupsOfType(GroupType.SECTION).stream().map(OrganisationFile.GroupEntry::id).toList();
  }

  private static Map<String, Object> withNode(Map<String, Object> proposal, String node) {
    proposal.put(Vars.NODE, node);
    return proposal;
  }

  private JsonNode deployed(String formId) throws Exception {
    String file = switch (formId) {
      case "Form_ProposeStandard" -> "propose-standard.form";
      case "Form_FormalCheck" -> "formal-check.form";
      default -> throw new IllegalArgumentException(formId);
    };
    try (InputStream in = new java.io.FileInputStream("forms/standard/" + file)) {
      return json.readTree(in);
    }
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode component : form.get("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no field " + key + " in " + form.get("id"));
  }

  private static List<String> labels(JsonNode field) {
    List<String> labels = new ArrayList<>();
    field.get("values").forEach(v -> labels.add(v.get("label").asText()));
    return labels;
  }

  private static List<String> values(JsonNode field) {
    List<String> values = new ArrayList<>();
    field.get("values").forEach(v -> values.add(v.get("value").asText()));
    return values;
  }
}
