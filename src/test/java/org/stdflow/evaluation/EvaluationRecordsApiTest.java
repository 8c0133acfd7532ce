package org.stdflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.evaluation.FeedbackProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.evaluation.FeedbackProcess.Vars;

/** GET /api/feedback, /api/feedback/{id}, /api/surveys: who sees what, filters, Chinese 400/403/404. */
@StdflowSpringTest
class EvaluationRecordsApiTest extends SurveyTestSupport {

  private RestClient as(String user) {
    return RestClient.as(port, user, "demo");
  }

  private static List<Long> ids(RestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    r.json().forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }

  @Test
  void feedbackIsReadByTheOfficeAllAndByOthersWhenTheirsOrAssignedToTheirSection() {
    ProcessInstance answered = submit("hejun", "COMPLAINT", null, "食堂晚餐菜品偏咸，多次反映未见改进");
    complete(answered, TASK_TRIAGE, "zhaomin", accept("COMPLAINT", "sec-canteen", "unfounded"));
    complete(answered, TASK_REPLY, "liuyang", reply("已抽查晚餐盐量符合标准，并提醒厨师注意口味", null));
    completeAssigned(answered, TASK_RATE, "hejun", rating("3", "答复一般"));
    ProcessInstance rejected = submit("linxiao", "SUGGESTION", null, "建议单位组织春游活动，丰富职工生活");
    complete(rejected, TASK_TRIAGE, "zhaomin", Map.of(Vars.TRIAGE_DECISION, "reject", Vars.REJECT_REASON,
        "不属于机关事务服务范围"));
    long a = feedbackId(answered);
    long r = feedbackId(rejected);
    String today = today().toString();

    assertThat(ids(as("zhaomin").get("/api/feedback?from=" + today + "&to=" + today))).contains(a, r);
    assertThat(ids(as("wangjianguo").get("/api/feedback?type=COMPLAINT&status=RATED&section=sec-canteen")))
        .contains(a).doesNotContain(r);
    assertThat(ids(as("linxiao").get("/api/feedback?status=REJECTED"))).contains(r).doesNotContain(a);
    assertThat(ids(as("liuyang").get("/api/feedback"))).contains(a).doesNotContain(r);
    assertThat(ids(as("hejun").get("/api/feedback"))).contains(a).doesNotContain(r);
    assertThat(ids(as("fengwei").get("/api/feedback"))).doesNotContain(a, r);

    JsonNode x = as("liuyang").get("/api/feedback/" + a).json();
    assertThat(x.get("number").asText()).isEqualTo(String.format("YJ%06d", a));
    assertThat(x.get("typeLabel").asText()).isEqualTo("投诉");
    assertThat(x.get("statusLabel").asText()).isEqualTo("已评价办结");
    assertThat(x.get("sectionName").asText()).isEqualTo("食堂管理科");
    assertThat(x.get("rating").asInt()).isEqualTo(3);
    assertThat(x.get("substantiated").asBoolean()).isFalse();
    assertThat(x.get("submitterName").asText()).isEqualTo("何军");
    assertThat(as("linxiao").get("/api/feedback/" + r).json().get("rejectReason").asText())
        .isEqualTo("不属于机关事务服务范围");

    RestClient.Response forbidden = as("fengwei").get("/api/feedback/" + a);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("message").asText()).isEqualTo("只能查看本人提交或分办给本科室的意见反馈");
    RestClient.Response otherSection = as("liuyang").get("/api/feedback?section=sec-property");
    assertThat(otherSection.status()).isEqualTo(403);
    assertThat(otherSection.json().get("message").asText()).isEqualTo("科室只能查看分办给本科室的意见反馈");
    RestClient.Response missing = as("zhaomin").get("/api/feedback/999999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).isEqualTo("意见反馈 999999999 不存在");
    for (String bad : List.of("type=PRAISE", "status=DONE", "section=sec-nowhere", "from=yesterday",
        "from=2026-02-01&to=2026-01-01")) {
      RestClient.Response b = as("zhaomin").get("/api/feedback?" + bad);
      assertThat(b.status()).as(bad).isEqualTo(400);
      assertThat(b.json().get("message").asText()).as(bad).startsWith("请求参数有误");
    }
    assertThat(RestClient.anonymous(port).get("/api/feedback").status()).isEqualTo(401);
  }

  @Test
  void surveyResultsShowTheComputedRatesToThoseWhoMaySeeThem() {
    String quarter = pastQuarter();
    ProcessInstance round = startRound("zhaomin", quarter);
    Task canteen = resultsTask(round, "canteen");
    doComplete(canteen, "zhaomin", results(canteen, 8L, new int[] {0, 1, 1, 3, 3}));
    enterAll(round, "zhaomin", 10, new int[] {0, 0, 0, 2, 8});

    RestClient.Response all = as("lihong").get("/api/surveys?quarter=" + quarter);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.json()).hasSize(5);
    JsonNode c = as("majun").get("/api/surveys?quarter=" + quarter + "&service=canteen").json().get(0);
    assertThat(c.get("serviceName").asText()).isEqualTo("机关食堂就餐服务");
    assertThat(c.get("answers").asInt()).isEqualTo(32);
    assertThat(c.get("satisfiedAnswers").asInt()).isEqualTo(24);
    assertThat(c.get("satisfactionRate").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(c.get("belowThreshold").asBoolean()).isTrue();
    assertThat(c.get("rectificationId").isNumber()).isTrue();
    assertThat(c.get("questions").get(0).get("counts").get("5").asInt()).isEqualTo(3);
    assertThat(c.get("questions").get(0).get("satisfactionRate").decimalValue()).isEqualByComparingTo("75.00");

    JsonNode own = as("liuyang").get("/api/surveys?quarter=" + quarter).json();
    assertThat(own).hasSize(1);
    assertThat(own.get(0).get("section").asText()).isEqualTo("sec-canteen");
    RestClient.Response support = as("sunli").get("/api/surveys");
    assertThat(support.status()).isEqualTo(403);
    assertThat(support.json().get("message").asText()).contains("满意度测评结果");
    RestClient.Response badQuarter = as("zhaomin").get("/api/surveys?quarter=2026-Q9");
    assertThat(badQuarter.status()).isEqualTo(400);
    assertThat(badQuarter.json().get("message").asText()).contains("quarter 应为季度");
    RestClient.Response badService = as("zhaomin").get("/api/surveys?service=laundry");
    assertThat(badService.status()).isEqualTo(400);
    assertThat(badService.json().get("message").asText()).isEqualTo("请求参数有误：没有名为 laundry 的测评服务");
    JsonNode definitions = as("liuyang").get("/api/surveys/definitions").json();
    assertThat(definitions.findValuesAsText("service")).contains("canteen", "property", "meeting", "vehicle");
  }

  @Test
  void theOfficeMaintainsSurveyDefinitions() {
    // inactive: the rounds of the other tests in this context must keep their five services
    String service = "laundry-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", "洗衣房服务");
    body.put("section", "sec-property");
    body.put("active", false);
    body.put("questions", List.of("收取及时", "洗涤质量"));
    RestClient.Response created = as("zhaomin").put("/api/surveys/definitions/" + service, body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("sectionName").asText()).isEqualTo("物业管理科");
    body.put("questions", List.of("收取及时", "洗涤质量", "衣物完好"));
    JsonNode updated = RestClient.as(port, "admin", "admin-secret").put("/api/surveys/definitions/" + service, body).json();
    assertThat(updated.get("questions")).hasSize(3);
    assertThat(updated.get("active").asBoolean()).isFalse();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ev_survey_question q JOIN ev_survey s ON s.id = q.survey_id "
        + "WHERE s.service = :s").param("s", service).query(Integer.class).single()).isEqualTo(3);

    RestClient.Response bySection = as("huanglei").put("/api/surveys/definitions/" + service, body);
    assertThat(bySection.status()).isEqualTo(403);
    assertThat(bySection.json().get("message").asText()).isEqualTo("只有标准化办公室和系统管理员可以维护满意度测评表");
    body.put("section", "leadership");
    body.put("questions", List.of("收取及时", "收取及时", " "));
    RestClient.Response bad = as("zhaomin").put("/api/surveys/definitions/" + service, body);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/fieldErrors/section").asText()).isEqualTo("没有名为 leadership 的科室");
    assertThat(bad.json().at("/fieldErrors/questions[1]").asText()).isEqualTo("第 2 个问题与前面的问题重复");
    assertThat(bad.json().at("/fieldErrors/questions[2]").asText()).isEqualTo("第 3 个问题须为 2–200 个字");
    assertThat(as("zhaomin").put("/api/surveys/definitions/Bad_Code", body).status()).isEqualTo(400);
  }
}
