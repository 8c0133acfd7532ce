package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.inspection.DailyInspectionProcess.*;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.StdflowSpringTest;

/** daily-inspection on H2: every scenario, plus the start form through Camunda's REST API (only the H2 context runs the web server). */
@StdflowSpringTest
class DailyInspectionProcessTest extends DailyInspectionScenarios {

  @Test
  void theStartFormRejectsBadDaysThroughRestAndStartsNothing() {
    RestClient office = RestClient.as(port, "zhaomin", "demo");
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();

    RestClient.Response future = office.post("/engine-rest/process-definition/key/" + KEY + "/start",
        Map.of("variables", Map.of(Vars.INSPECTION_DATE, Map.of("value", today().plusDays(1).toString(), "type", "String"))));
    RestClient.Response garbage = office.post("/engine-rest/process-definition/key/" + KEY + "/start",
        Map.of("variables", Map.of(Vars.INSPECTION_DATE, Map.of("value", "明天", "type", "String"))));
    RestClient.Response tooOld = office.post("/engine-rest/process-definition/key/" + KEY + "/start",
        Map.of("variables", Map.of(Vars.INSPECTION_DATE, Map.of("value", today().minusDays(31).toString(), "type", "String"))));

    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().at("/fieldErrors/inspectionDate").asText()).isEqualTo("检查日期不能晚于今天");
    assertThat(garbage.json().at("/fieldErrors/inspectionDate").asText()).contains("不是有效日期");
    assertThat(tooOld.json().at("/fieldErrors/inspectionDate").asText()).contains("30 天以内");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    // a section head may not start the cadence at all
    assertThat(RestClient.as(port, "liuyang", "demo").post("/engine-rest/process-definition/key/" + KEY + "/start",
        Map.of()).status()).isEqualTo(403);
  }
}
