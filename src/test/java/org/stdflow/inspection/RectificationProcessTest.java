package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.RectificationProcess.*;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardLifecycleProcess;
import org.stdflow.StdflowSpringTest;

/** rectification on H2: every scenario, plus those that go through the REST APIs (only the H2 context runs the web server). */
@StdflowSpringTest
class RectificationProcessTest extends RectificationScenarios {

  @Test
  void aReportNeedsMeasuresAndEvidence() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");

    assertThatThrownBy(() -> complete(r, TASK_SUBMIT_REPORT, "liuyang", Map.of(Vars.MEASURES, " ")))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry(Vars.MEASURES, "整改措施不能为空")
            .containsEntry("evidence", "请先上传至少一份整改佐证材料（照片或文件），再提交整改报告"));
    uploadEvidence(r, "liuyang");
    // through Camunda's REST API as Tasklist does: 400 with the field's message, the task stays
    Task task = task(r, TASK_SUBMIT_REPORT);
    RestClient canteen = RestClient.as(port, "liuyang", "demo");
    canteen.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "liuyang"));
    RestClient.Response noMeasures = canteen.post("/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of(Vars.MEASURES, Map.of("value", "", "type", "String"))));
    assertThat(noMeasures.status()).isEqualTo(400);
    assertThat(noMeasures.json().at("/fieldErrors/measures").asText()).isEqualTo("整改措施不能为空");
    assertThat(r).isWaitingAt(TASK_SUBMIT_REPORT);
  }

  @Test
  void theRectifyingSectionCannotReinspectItsOwnWork() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");
    report(r);
    Task task = task(r, TASK_REINSPECT);

    // the section head is no candidate: Camunda refuses the claim
    RestClient.Response bySection = RestClient.as(port, "liuyang", "demo")
        .post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "liuyang"));
    assertThat(bySection.status()).isEqualTo(403);
    // an inspector who belongs to the canteen section is refused by the rule itself
    org.camunda.bpm.engine.identity.User u = identity.newUser("shitangjiancha");
    u.setFirstName("食堂");
    u.setLastName("检查员");
    identity.saveUser(u);
    identity.createMembership("shitangjiancha", "inspectors");
    identity.createMembership("shitangjiancha", "sec-canteen");
    assertThatThrownBy(() -> complete(r, TASK_REINSPECT, "shitangjiancha", reinspection(r, "已整改", "resolved")))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("整改科室（食堂管理科）的人员不能复查本科室的整改");

    assertThatThrownBy(() -> complete(r, TASK_REINSPECT, "majun", reinspection(r, null, (String) null)))
        .hasMessageContaining("第 1 个问题（条款 6.2）未填写复查结论");
    assertThatThrownBy(() -> complete(r, TASK_REINSPECT, "majun", reinspection(r, " ", "resolved")))
        .hasMessageContaining("整改成效不能为空");
    assertThat(r).isWaitingAt(TASK_REINSPECT);
    assertThat(jdbc.sql("SELECT result FROM insp_rectification_round WHERE rectification_id = :id")
        .param("id", engine.getRuntimeService().getVariable(r.getId(), Vars.RECTIFICATION_ID)).query(String.class).list())
        .containsOnlyNulls();
  }

  @Autowired Rectifications rectifications;

  @Test
  void aComplaintOpensTheSameLoopWithoutInspectionOrStandard() {
    String ref = "FB-" + java.util.UUID.randomUUID();
    Rectifications.Request complaint = new Rectifications.Request("COMPLAINT", ref, null, "sec-canteen",
        "第一机关食堂午餐供应", List.of(new InspectionRecords.NewFinding("投诉", "午餐供应时间不足", 100, false,
            "多名职工反映 12:10 后已无菜品")), "MINOR", 5);
    long id = rectifications.open(complaint);
    assertThat(rectifications.open(complaint)).as("the same complaint opens it once").isEqualTo(id);
    ProcessInstance r = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(String.format("ZG%06d", id)).singleResult();

    assertThat(r).isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.FINDINGS_TEXT).toString())
        .contains("午餐供应时间不足").contains("12:10");
    assertThat(engine.getRuntimeService().getVariable(r.getId(), Vars.STANDARD_LABEL)).isEqualTo("（未关联标准）");
    assertThat(outbox("rectification-notice:" + id + ":1:")).containsExactly("rectification-notice:liuyang");
    report(r);
    complete(r, TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    // no standard: criticism and a new round, but nothing to review
    assertThat(r).hasPassed(TASK_CIRCULATE_CRITICISM, TASK_OPEN_NEXT_ROUND).hasNotPassed(TASK_REQUEST_REVIEW)
        .isWaitingAt(TASK_SUBMIT_REPORT);
    report(r);
    complete(r, TASK_REINSPECT, "majun", reinspection(r, "延长供餐至 12:40，增加备餐量", "resolved"));
    assertThat(r).hasPassed(END_CLOSED).isEnded();
    assertThat(RestClient.as(port, "linxiao", "demo").get("/api/rectifications/" + id).json().get("sourceLabel").asText())
        .isEqualTo("投诉");
  }
}
