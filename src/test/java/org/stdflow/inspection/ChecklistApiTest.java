package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/** Checklists of standards in force through /api: who may edit, validation, nothing half-saved. */
@StdflowSpringTest
class ChecklistApiTest {

  @LocalServerPort int port;

  @Test
  void theResponsibleSectionMaintainsTheChecklistOfAStandardInForce() {
    RestClient canteen = RestClient.as(port, "liuyang", "demo");
    long id = standardId("机关食堂服务规范");
    List<Map<String, Object>> items = List.of(
        item("5.1", "食品原料索证索票齐全，台账完整", 20, true, List.of("canteen-1", "canteen-2")),
        item("6.3", "餐具消毒后保洁存放", 10, false, List.of("canteen-1")));

    RestClient.Response saved = canteen.put("/api/standards/" + id + "/checklist", Map.of("items", items));

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonNode read = RestClient.as(port, "linxiao", "demo").get("/api/standards/" + id + "/checklist").json();
    assertThat(read.get("items")).hasSize(2);
    assertThat(read.at("/items/0/clauseRef").asText()).isEqualTo("5.1");
    assertThat(read.at("/items/0/critical").asBoolean()).isTrue();
    assertThat(read.at("/items/0/places").toString()).isEqualTo("[\"canteen-1\",\"canteen-2\"]");
    assertThat(read.at("/items/1/weight").asInt()).isEqualTo(10);

    // the office may edit too and replaces the whole list
    RestClient.Response byOffice = RestClient.as(port, "zhaomin", "demo").put("/api/standards/" + id + "/checklist",
        Map.of("items", List.of(item("5.1", "食品原料索证索票齐全", 30, true, List.of("canteen-3")))));
    assertThat(byOffice.status()).isEqualTo(200);
    assertThat(byOffice.json().get("items")).hasSize(1);
  }

  @Test
  void badItemsAreRejectedPerItemAndNothingChanges() {
    RestClient canteen = RestClient.as(port, "liuyang", "demo");
    long id = standardId("机关健康食堂管理规范");
    canteen.put("/api/standards/" + id + "/checklist",
        Map.of("items", List.of(item("4.2", "公示每日菜谱营养信息", 10, false, List.of("canteen-2")))));

    RestClient.Response bad = canteen.put("/api/standards/" + id + "/checklist", Map.of("items", List.of(
        item("4.2", " ", 0, false, List.of("canteen-9")),
        item("", "留样 48 小时", 10, true, List.of()))));

    assertThat(bad.status()).isEqualTo(400);
    JsonNode errors = bad.json().get("fieldErrors");
    assertThat(errors.get("items[0].requirement").asText()).contains("第 1 项的检查要求不能为空");
    assertThat(errors.get("items[0].weight").asText()).contains("1 到 100");
    assertThat(errors.get("items[0].places").asText()).contains("canteen-9");
    assertThat(errors.get("items[1].clauseRef").asText()).contains("第 2 项的条款号");
    assertThat(errors.get("items[1].places").asText()).contains("至少适用于一个检查地点");
    JsonNode unchanged = canteen.get("/api/standards/" + id + "/checklist").json();
    assertThat(unchanged.get("items")).hasSize(1);
    assertThat(unchanged.at("/items/0/requirement").asText()).isEqualTo("公示每日菜谱营养信息");

    assertThat(canteen.put("/api/standards/" + id + "/checklist", Map.of("items", List.of())).status()).isEqualTo(400);
    RestClient.Response notANumber = canteen.put("/api/standards/" + id + "/checklist", Map.of("items", List.of(
        Map.of("clauseRef", "4.3", "requirement", "留样", "weight", "十", "places", List.of("canteen-1")))));
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.json().get("message").asText()).isEqualTo("请求内容有误：字段 items[0].weight 应为整数，收到“十”");
    assertThat(notANumber.json().at("/fieldErrors/items[0].weight").asText()).isEqualTo("字段 items[0].weight 应为整数，收到“十”");
    // a fraction is refused too, not cut to 5
    RestClient.Response fraction = canteen.put("/api/standards/" + id + "/checklist", Map.of("items", List.of(
        Map.of("clauseRef", "4.3", "requirement", "留样", "weight", 5.5, "places", List.of("canteen-1")))));
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.json().get("message").asText()).startsWith("请求内容有误：字段 items[0].weight 应为整数");
    assertThat(canteen.get("/api/standards/" + id + "/checklist").json().get("items")).hasSize(1);
    assertThat(canteen.get("/api/standards/" + id + "/checklist").json().at("/items/0/weight").asInt()).isEqualTo(10);

    // not JSON, or the wrong method: said in Chinese too
    RestClient.Response text = canteen.putText("/api/standards/" + id + "/checklist", "{}");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().get("message").asText()).contains("请以 JSON 提交");
    RestClient.Response delete = canteen.delete("/api/standards/" + id + "/checklist");
    assertThat(delete.status()).as(delete.body()).isEqualTo(405);
    assertThat(delete.body()).as(delete.body()).contains("message");
    assertThat(delete.json().get("message").asText()).startsWith("该地址不支持 DELETE 请求（支持：");
  }

  @Test
  void othersCannotEditAndOnlyStandardsInForceHaveChecklists() {
    long id = standardId("机关食堂服务规范");
    Map<String, Object> body = Map.of("items", List.of(item("1", "要求", 5, false, List.of("canteen-1"))));

    assertThat(RestClient.as(port, "huanglei", "demo").put("/api/standards/" + id + "/checklist", body).status())
        .isEqualTo(403);
    assertThat(RestClient.as(port, "linxiao", "demo").put("/api/standards/" + id + "/checklist", body).status())
        .isEqualTo(403);
    assertThat(RestClient.anonymous(port).get("/api/standards/" + id + "/checklist").status()).isEqualTo(401);
    assertThat(RestClient.as(port, "admin", "admin-secret").put("/api/standards/999999/checklist", body).status())
        .isEqualTo(404);
    long repealed = RestClient.as(port, "admin", "admin-secret").get("/api/standards?status=REPEALED&size=1").json()
        .at("/items/0/id").asLong();
    RestClient.Response conflict = RestClient.as(port, "admin", "admin-secret")
        .put("/api/standards/" + repealed + "/checklist", body);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("message").asText()).contains("现行有效");
  }

  @Autowired DemoChecklistLoader demoChecklists;

  @Test
  void demoStandardsComeWithChecklistsOnlyOnce() {
    long id = standardId("党政机关物业管理服务规范");
    JsonNode demo = RestClient.as(port, "huanglei", "demo").get("/api/standards/" + id + "/checklist").json();
    assertThat(demo.get("items")).hasSize(4);
    assertThat(demo.at("/items/2/critical").asBoolean()).isTrue();
    assertThat(demoChecklists.load()).as("versions with a checklist are left alone").isZero();
  }

  @Test
  void thePlacesAreTheBureausCanteensAndTheAdministrativeCentre() {
    JsonNode places = RestClient.as(port, "majun", "demo").get("/api/inspection-places").json();
    assertThat(places.toString()).contains("第一机关食堂").contains("第四机关食堂").contains("行政中心办公楼层");
  }

  private long standardId(String title) {
    JsonNode list = RestClient.as(port, "liuyang", "demo")
        .get("/api/standards?status=IN_FORCE&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8)).json();
    for (JsonNode item : list.get("items")) {
      if (item.get("title").asText().equals(title)) {
        return item.get("id").asLong();
      }
    }
    throw new AssertionError("demo standard not found: " + title);
  }

  private static Map<String, Object> item(String clause, String requirement, int weight, boolean critical,
      List<String> places) {
    return Map.of("clauseRef", clause, "requirement", requirement, "weight", weight, "critical", critical,
        "places", places);
  }
}
