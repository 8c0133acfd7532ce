package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/** /api/inspections, /api/rectifications, /api/commendations: who reads what, filters, bad input. */
@StdflowSpringTest
class SupervisionRecordsApiTest extends SupervisionTestSupport {

  @Test
  void auditorsReadEverySectionsRecordsAndSectionsOnlyTheirOwn() {
    long standard = standardInForce(canteenChecklist());
    ProcessInstance r = failedInspection(standard, "PASS", "FAIL", "PASS");
    report(r);
    complete(r, RectificationProcess.TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    long rectification = (Long) engine.getRuntimeService().getVariable(r.getId(), RectificationProcess.Vars.RECTIFICATION_ID);

    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    JsonNode inspections = auditor.get("/api/inspections?standardId=" + standard).json();
    assertThat(inspections).hasSize(2); // canteen-1 (failed) and canteen-2 (still planned)
    JsonNode failed = find(inspections, "place", "canteen-1");
    assertThat(failed.get("statusLabel").asText()).isEqualTo("不合格");
    assertThat(failed.get("sectionName").asText()).isEqualTo("食堂管理科");
    assertThat(failed.get("inspectorName").asText()).isEqualTo("马骏");
    JsonNode detail = auditor.get("/api/inspections/" + failed.get("id").asLong()).json();
    assertThat(detail.at("/items/1/resultLabel").asText()).isEqualTo("不合格");
    assertThat(detail.at("/items/1/clauseRef").asText()).isEqualTo("6.2");

    JsonNode rect = auditor.get("/api/rectifications/" + rectification).json();
    assertThat(rect.get("currentRound").asInt()).isEqualTo(2);
    assertThat(rect.get("statusLabel").asText()).isEqualTo("整改中");
    assertThat(rect.at("/findings/0/statusLabel").asText()).isEqualTo("未整改");
    assertThat(rect.at("/rounds/0/result").asText()).isEqualTo("FAILED");
    assertThat(rect.at("/rounds/0/reportedBy").asText()).isEqualTo("liuyang");
    assertThat(rect.at("/rounds/1/round").asInt()).isEqualTo(2);
    JsonNode criticism = auditor.get("/api/commendations?kind=CRITICISM&section=sec-canteen&standardId=" + standard).json();
    assertThat(criticism).hasSize(1);
    assertThat(criticism.at("/0/kindLabel").asText()).isEqualTo("通报批评");
    assertThat(criticism.at("/0/sourceLabel").asText()).isEqualTo("整改复查");

    // the canteen section reads its own; the property section does not see them
    RestClient canteen = RestClient.as(port, "liuyang", "demo");
    assertThat(ids(canteen.get("/api/rectifications?status=OPEN").json())).contains(rectification);
    assertThat(canteen.get("/api/rectifications/" + rectification).status()).isEqualTo(200);
    RestClient property = RestClient.as(port, "huanglei", "demo");
    assertThat(ids(property.get("/api/rectifications").json())).doesNotContain(rectification);
    RestClient.Response other = property.get("/api/rectifications/" + rectification);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().get("message").asText()).isEqualTo("科室只能查看本科室的监督检查记录");
    assertThat(property.get("/api/inspections?section=sec-canteen").status()).isEqualTo(403);
    // no supervision role and no section: nothing
    assertThat(RestClient.as(port, "sunli", "demo").get("/api/inspections").status()).isEqualTo(403);
    // read-only for everyone, auditors included
    assertThat(auditor.post("/api/rectifications/" + rectification, java.util.Map.of()).status()).isIn(403, 405);
  }

  @Test
  void badFiltersAreRefusedWithChineseMessages() {
    RestClient office = RestClient.as(port, "zhaomin", "demo");

    RestClient.Response badDate = office.get("/api/inspections?from=2026-13-01");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().get("message").asText()).contains("from 应为日期，格式 yyyy-MM-dd");
    assertThat(office.get("/api/rectifications?from=2026-11-02&to=2026-11-01").json().get("message").asText())
        .contains("开始日期 from 不能晚于结束日期 to");
    assertThat(office.get("/api/commendations?section=sec-nowhere").json().get("message").asText())
        .contains("没有名为 sec-nowhere 的科室");
    assertThat(office.get("/api/commendations?kind=GOLD").status()).isEqualTo(400);
    RestClient.Response missing = office.get("/api/rectifications/999999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).isEqualTo("整改记录 999999999 不存在");
    RestClient.Response mistyped = office.get("/api/inspections?standardId=abc");
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.json().get("message").asText()).isEqualTo("请求参数有误：参数 standardId 应为整数，收到“abc”");
    assertThat(office.get("/api/rectifications/R-7").json().get("message").asText())
        .isEqualTo("请求参数有误：参数 id 应为整数，收到“R-7”");
    // a status that is never stored would find nothing without saying why
    RestClient.Response badStatus = office.get("/api/inspections?status=FAIL");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.json().get("message").asText()).isEqualTo(
        "请求参数有误：status 只能是 FAILED（不合格）、MISSED（漏检）、PASSED（合格）、PLANNED（待检查），收到“FAIL”");
    assertThat(office.get("/api/rectifications?status=open").json().get("message").asText())
        .isEqualTo("请求参数有误：status 只能是 CLOSED（已完成）、OPEN（整改中），收到“open”");
    assertThat(office.get("/api/rectifications?status=CLOSED").status()).isEqualTo(200);
    assertThat(office.get("/api/inspections?status=PLANNED").status()).isEqualTo(200);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.get(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + "=" + value + " in " + array);
  }

  private static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }
}
