package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.stdflow.RestClient;
import org.stdflow.RestClient.Response;
import org.stdflow.StdflowSpringTest;

/**
 * The register's read API, the tree editing and the demo register, through HTTP as the demo users.
 * Runs on the shared context with the demo register loaded; other test classes add standards to the
 * same database, so assertions look for known demo entries and check filters item by item instead of
 * expecting exact totals.
 */
@StdflowSpringTest
class StandardRegisterApiTest {

  private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DemoRegisterLoader demoLoader;

  private RestClient section() {
    return RestClient.as(port, "liuyang", "demo");
  }

  private RestClient office() {
    return RestClient.as(port, "zhaomin", "demo");
  }

  // ---------------------------------------------------------------- list, filters, paging

  @Test
  void listIsPagedAndSortedByNodeThenCode() {
    Response first = section().get("/api/standards?size=5");
    expect(first, 200);
    assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(DemoRegisterData.entries().size());
    assertThat(first.json().get("page").asInt()).isZero();
    assertThat(first.json().get("size").asInt()).isEqualTo(5);
    assertThat(first.json().get("items")).hasSize(5);
    Response second = section().get("/api/standards?size=5&page=1");
    assertThat(ids(second)).hasSize(5).doesNotContainAnyElementsOf(ids(first));
    assertThat(section().get("/api/standards").json().get("size").asInt()).isEqualTo(50);
    Response beyond = section().get("/api/standards?page=100000&size=200");
    assertThat(beyond.json().get("items")).isEmpty();
    assertThat(beyond.json().get("total").asLong()).isEqualTo(first.json().get("total").asLong());

    List<JsonNode> all = all("");
    List<String> nodes = all.stream().map(i -> i.get("nodeCode").asText()).toList();
    assertThat(nodes).isSorted();
    // internal codes in the order of their sequence (205.9 before 205.10 would be), adopted ones after
    List<String> demo205 = all.stream().filter(i -> i.get("nodeCode").asText().equals("205"))
        .map(i -> i.get("code").asText()).filter(c -> c.startsWith("Q/BSJG BZ205.") || c.startsWith("GB 31654"))
        .toList();
    assertThat(demo205).containsSubsequence("Q/BSJG BZ205.1-2024", "Q/BSJG BZ205.7-2022", "Q/BSJG BZ205.9-2024",
        "GB 31654-2021");

    JsonNode canteen = byCode(all, "Q/BSJG BZ205.1-2024");
    assertThat(canteen.get("title").asText()).isEqualTo("机关食堂服务规范");
    assertThat(canteen.get("nodeName").asText()).isEqualTo("后勤服务保障（食堂、物业、会务）");
    assertThat(canteen.get("type").asText()).isEqualTo("INTERNAL");
    assertThat(canteen.get("typeLabel").asText()).isEqualTo("内部标准");
    assertThat(canteen.get("status").asText()).isEqualTo("IN_FORCE");
    assertThat(canteen.get("statusLabel").asText()).isEqualTo("现行有效");
    assertThat(canteen.get("responsibleSection").asText()).isEqualTo("sec-canteen");
    assertThat(canteen.get("responsibleSectionName").asText()).isEqualTo("食堂管理科");
    assertThat(canteen.get("currentVersionNo").asInt()).isEqualTo(2);
    assertThat(canteen.get("effectiveDate").asText()).isEqualTo("2024-04-01");
    assertThat(canteen.get("nextReviewDate").asText()).isEqualTo("2027-04-01");
    assertThat(canteen.get("revisionInProgress").asBoolean()).isFalse();
    assertThat(canteen.has("scope")).as("the list carries no detail fields").isFalse();
  }

  @Test
  void searchFindsChineseSubstringsAndCodesIgnoringCase() {
    List<JsonNode> waste = all("q=" + enc("垃圾分类"));
    assertThat(waste).extracting(i -> i.get("code").asText()).contains("Q/BSJG BZ205.7-2022");
    assertThat(waste).allSatisfy(i -> assertThat(i.get("title").asText() + i.get("code").asText()).contains("垃圾分类"));

    assertThat(all("q=" + enc("茶水"))).extracting(i -> i.get("title").asText()).contains("会务茶水服务规程");
    assertThat(all("q=" + enc("q/bsjg bz205.7"))).extracting(i -> i.get("code").asText())
        .contains("Q/BSJG BZ205.7-2022");
    assertThat(all("q=" + enc("gb/t 24421"))).extracting(i -> i.get("code").asText())
        .contains("GB/T 24421.1-2009", "GB/T 24421.2-2009", "GB/T 24421.3-2009", "GB/T 24421.4-2009");
    // LIKE wildcards in the search text are plain characters
    assertThat(section().get("/api/standards?q=" + enc("%")).json().get("total").asLong()).isZero();
  }

  @Test
  void nodeFilterIncludesTheDescendants() {
    List<JsonNode> operations = all("node=200");
    assertThat(operations).extracting(i -> i.get("nodeCode").asText())
        .allMatch(code -> List.of("201", "202", "203", "204", "205", "206").contains(code))
        .contains("201", "203", "205");
    long sum = 0;
    for (String child : List.of("201", "202", "203", "204", "205", "206")) {
      sum += section().get("/api/standards?size=1&node=" + child).json().get("total").asLong();
    }
    assertThat(section().get("/api/standards?size=1&node=200").json().get("total").asLong()).isEqualTo(sum);
    assertThat(all("node=205")).extracting(i -> i.get("nodeCode").asText()).containsOnly("205");
    assertThat(section().get("/api/standards?node=999999").json().get("total").asLong()).isZero();
  }

  @Test
  void statusTypeSectionAndDateFilters() {
    List<JsonNode> repealed = all("status=REPEALED");
    assertThat(repealed).extracting(i -> i.get("status").asText()).containsOnly("REPEALED");
    assertThat(repealed).extracting(i -> i.get("code").asText()).contains("GB/T 1.1-2009", "Q/BSJG BZ205.4-2021");
    assertThat(repealed).allSatisfy(i -> assertThat(i.get("nextReviewDate").isNull()).isTrue());

    List<JsonNode> both = all("status=REPEALED&status=in_force");
    assertThat(both).extracting(i -> i.get("status").asText()).containsOnly("REPEALED", "IN_FORCE");
    assertThat(both).extracting(i -> i.get("code").asText()).contains("GB/T 1.1-2009", "GB/T 1.1-2020");

    List<JsonNode> national = all("type=NATIONAL");
    assertThat(national).extracting(i -> i.get("type").asText()).containsOnly("NATIONAL");
    assertThat(national).extracting(i -> i.get("typeLabel").asText()).containsOnly("国家标准");
    assertThat(national).extracting(i -> i.get("code").asText()).contains("GB 31654-2021", "GB/T 19001-2016");

    List<JsonNode> vehicles = all("section=sec-vehicle&status=IN_FORCE");
    assertThat(vehicles).extracting(i -> i.get("responsibleSection").asText()).containsOnly("sec-vehicle");
    assertThat(vehicles).extracting(i -> i.get("title").asText())
        .contains("公务用车管理规范", "公务用车驾驶员服务规范", "公务用车使用管理制度");

    List<JsonNode> in2024 = all("effectiveFrom=2024-01-01&effectiveTo=2024-12-31");
    assertThat(in2024).extracting(i -> LocalDate.parse(i.get("effectiveDate").asText()))
        .allMatch(d -> d.getYear() == 2024);
    assertThat(in2024).extracting(i -> i.get("code").asText()).contains("Q/BSJG BZ205.1-2024")
        .doesNotContain("Q/BSJG BZ205.7-2022");
    // bounds are inclusive
    assertThat(all("effectiveFrom=2022-09-01&effectiveTo=2022-09-01")).extracting(i -> i.get("code").asText())
        .contains("Q/BSJG BZ205.7-2022");
  }

  @Test
  void overdueReviewsAreFoundWithReviewDueBefore() {
    LocalDate today = LocalDate.now(BUREAU);
    List<JsonNode> overdue = all("reviewDueBefore=" + today);
    assertThat(overdue).allSatisfy(i -> {
      assertThat(LocalDate.parse(i.get("nextReviewDate").asText())).isBefore(today);
      assertThat(i.get("reviewOverdue").asBoolean()).isTrue();
    });
    assertThat(overdue).extracting(i -> i.get("code").asText()).contains("Q/BSJG BZ205.7-2022",
        "Q/BSJG BZ204.1-2022", "Q/BSJG BZ301.1-2023", "GB/T 19001-2016");
    assertThat(overdue).extracting(i -> i.get("status").asText()).doesNotContain("REPEALED");
    // the demo's internal standards are reviewed 3 years, adopted ones 5 years after taking effect
    JsonNode waste = byCode(overdue, "Q/BSJG BZ205.7-2022");
    assertThat(waste.get("effectiveDate").asText()).isEqualTo("2022-09-01");
    assertThat(waste.get("nextReviewDate").asText()).isEqualTo("2025-09-01");
    assertThat(byCode(overdue, "GB/T 19001-2016").get("nextReviewDate").asText()).isEqualTo("2026-06-01");
  }

  @Test
  void theCatalogueExportsTheFilteredStandardsAndTheTree() throws Exception {
    String filter = "status=IN_FORCE&node=205";
    JsonNode list = section().get("/api/standards?size=200&" + filter).json();
    long total = list.get("total").asLong();
    assertThat(total).isPositive();

    RestClient.BinaryResponse r = section().getBytes("/api/standards/catalogue.xlsx?" + filter);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.header("Content-Disposition")).startsWith("attachment;")
        .contains(URLEncoder.encode("标准明细表-", StandardCharsets.UTF_8));
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
      org.apache.poi.ss.usermodel.Sheet standards = book.getSheet("标准明细表");
      assertThat(standards.getRow(0).getCell(0).getStringCellValue()).isEqualTo("机关事务管理局标准明细表");
      assertThat(standards.getRow(1).getCell(0).getStringCellValue())
          .startsWith("范围：现行有效，体系节点 205 及其下级").contains("共 " + total + " 项");
      List<String> header = new java.util.ArrayList<>();
      standards.getRow(3).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).isEqualTo(CatalogueWorkbook.HEADER);
      // every standard the list finds, in its order, numbered
      assertThat(standards.getLastRowNum() - 3).isEqualTo((int) total);
      for (int i = 0; i < Math.min(total, 200); i++) {
        JsonNode item = list.get("items").get(i);
        org.apache.poi.ss.usermodel.Row row = standards.getRow(4 + i);
        assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo(item.get("code").isNull() ? "（未编号）" : item.get("code").asText());
        assertThat(row.getCell(3).getStringCellValue()).isEqualTo(item.get("title").asText());
        assertThat(row.getCell(5).getStringCellValue()).isEqualTo("现行有效");
        assertThat(row.getCell(1).getStringCellValue()).startsWith("205");
      }
      // the tree: a node counts the live standards of its sub-tree
      org.apache.poi.ss.usermodel.Sheet tree = book.getSheet("标准体系表");
      Map<String, Double> counts = new HashMap<>();
      Map<String, String> parents = new HashMap<>();
      for (int i = 1; i <= tree.getLastRowNum(); i++) {
        org.apache.poi.ss.usermodel.Row row = tree.getRow(i);
        counts.put(row.getCell(0).getStringCellValue(), row.getCell(3).getNumericCellValue());
        org.apache.poi.ss.usermodel.Cell parent = row.getCell(2);
        parents.put(row.getCell(0).getStringCellValue(), parent == null ? null : parent.getStringCellValue());
      }
      assertThat(counts).containsKeys("100", "200", "205", "300");
      double childrenOf200 = parents.entrySet().stream().filter(e -> "200".equals(e.getValue()))
          .mapToDouble(e -> counts.get(e.getKey())).sum();
      JsonNode node200 = StreamSupport.stream(section().get("/api/nodes").json().spliterator(), false)
          .filter(n -> "200".equals(n.get("code").asText())).findFirst().orElseThrow();
      assertThat(counts.get("200")).isEqualTo(node200.get("subtreeCount").asLong())
          .isEqualTo(node200.get("standardCount").asLong() + childrenOf200).isPositive();
    }

    // the list's checks, the list's messages
    Response bad = section().get("/api/standards/catalogue.xlsx?status=VALID");
    expect(bad, 400);
    assertThat(bad.json().get("message").asText()).contains("参数 status 的取值“VALID”无效");
    expect(RestClient.anonymous(port).get("/api/standards/catalogue.xlsx"), 401);
  }

  @Test
  void auditorsAndLeadershipReadTheRegisterAnonymousCallersDoNot() {
    for (String user : List.of("linxiao", "wangjianguo", "liuyang", "zhaomin")) {
      expect(RestClient.as(port, user, "demo").get("/api/standards?size=1"), 200);
      expect(RestClient.as(port, user, "demo").get("/api/nodes"), 200);
    }
    JsonNode sections = RestClient.as(port, "liuyang", "demo").get("/api/sections").json();
    assertThat(sections).hasSize(7);
    assertThat(sections.get(1).get("id").asText()).isEqualTo("sec-canteen");
    assertThat(sections.get(1).get("name").asText()).isEqualTo("食堂管理科");
    RestClient anonymous = RestClient.anonymous(port);
    for (String path : List.of("/api/standards", "/api/standards/1", "/api/standards/by-code?code=x", "/api/nodes",
        "/api/sections")) {
      Response r = anonymous.get(path);
      expect(r, 401);
      assertThat(r.json().get("message").asText()).contains("请先登录");
    }
    expect(anonymous.post("/api/nodes", Map.of("code", "98765", "name", "匿名")), 401);
  }

  @Test
  void badParametersAreRefusedWithAMessageNamingThem() {
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("status=FOO", "status");
    bad.put("status=IN_FORCE&status=BAR", "status");
    bad.put("type=STANDARD", "type");
    bad.put("effectiveFrom=2024-13-01", "effectiveFrom");
    bad.put("effectiveTo=2024%2F01%2F01", "effectiveTo");
    bad.put("reviewDueBefore=tomorrow", "reviewDueBefore");
    bad.put("size=0", "size");
    bad.put("size=201", "size");
    bad.put("size=ten", "size");
    bad.put("page=-1", "page");
    bad.put("page=x", "page");
    bad.forEach((query, parameter) -> {
      Response r = section().get("/api/standards?" + query);
      expect(r, 400);
      assertThat(r.json().get("status").asInt()).isEqualTo(400);
      assertThat(r.json().get("message").asText()).as(query).contains("请求参数有误").contains(parameter);
      assertThat(r.json().get("fieldErrors").has(parameter)).as(query).isTrue();
    });
    assertThat(section().get("/api/standards?status=FOO").json().get("message").asText())
        .contains("IN_FORCE（现行有效）");
    // the limits themselves are fine
    expect(section().get("/api/standards?size=200&page=0"), 200);
    expect(section().get("/api/standards?size=1"), 200);
  }

  // ---------------------------------------------------------------- detail and by-code

  @Test
  void detailShowsVersionsTheSupersedeChainNoticesAndReviews() {
    Response byCode = section().get("/api/standards/by-code?code=" + enc("Q/BSJG BZ205.1-2024"));
    expect(byCode, 200);
    JsonNode detail = byCode.json();
    long id = detail.get("id").asLong();
    assertThat(detail.get("title").asText()).isEqualTo("机关食堂服务规范");
    assertThat(detail.get("statusLabel").asText()).isEqualTo("现行有效");
    assertThat(detail.get("responsibleSectionName").asText()).isEqualTo("食堂管理科");
    assertThat(detail.get("scope").asText()).contains("机关食堂");
    assertThat(detail.get("processInstanceId").isNull()).isTrue();

    JsonNode versions = detail.get("versions");
    assertThat(versions).hasSize(2);
    JsonNode v1 = versions.get(0);
    JsonNode v2 = versions.get(1);
    assertThat(v1.get("versionNo").asInt()).isEqualTo(1);
    assertThat(v1.get("code").asText()).isEqualTo("Q/BSJG BZ205.1-2021");
    assertThat(v1.get("status").asText()).isEqualTo("SUPERSEDED");
    assertThat(v1.get("statusLabel").asText()).isEqualTo("已被替代");
    assertThat(v1.get("supersedesId").isNull()).isTrue();
    assertThat(v2.get("versionNo").asInt()).isEqualTo(2);
    assertThat(v2.get("code").asText()).isEqualTo("Q/BSJG BZ205.1-2024");
    assertThat(v2.get("status").asText()).isEqualTo("IN_FORCE");
    assertThat(v2.get("supersedesId").asLong()).isEqualTo(v1.get("id").asLong());
    assertThat(v2.get("effectiveDate").asText()).isEqualTo("2024-04-01");
    assertThat(v2.get("publishedAt").asText()).startsWith("2024-03-1");
    assertThat(v2.get("approvedBy").asText()).isEqualTo("wangjianguo");
    assertThat(v2.get("documents")).isEmpty();
    assertThat(detail.get("pendingDocuments")).isEmpty();
    assertThat(detail.get("notices")).extracting(n -> n.get("kind").asText()).containsExactly("PUBLISHED", "REVISED");
    assertThat(detail.get("notices").get(1).get("kindLabel").asText()).isEqualTo("修订发布");
    assertThat(detail.get("notices").get(1).get("message").asText()).contains("Q/BSJG BZ205.1-2024");
    assertThat(detail.get("reviews")).hasSize(1);
    assertThat(detail.get("reviews").get(0).get("outcome").asText()).isEqualTo("REVISE");
    assertThat(detail.get("reviews").get(0).get("outcomeLabel").asText()).isEqualTo("修订");
    assertThat(detail.get("reviews").get(0).get("versionId").asLong()).isEqualTo(v1.get("id").asLong());
    assertThat(detail.get("trainings")).isEmpty();
    assertThat(detail.get("comments")).isEmpty();

    // the same by id, and by the code the superseded version carried
    assertThat(section().get("/api/standards/" + id).json()).isEqualTo(detail);
    assertThat(RestClient.as(port, "linxiao", "demo").get("/api/standards/" + id).json()).isEqualTo(detail);
    assertThat(section().get("/api/standards/by-code?code=" + enc("Q/BSJG BZ205.1-2021")).json().get("id").asLong())
        .isEqualTo(id);
    // a raw space in the query as %20 (how the brief's example is written)
    Response waste = section().get("/api/standards/by-code?code=Q/BSJG%20BZ205.7-2022");
    expect(waste, 200);
    assertThat(waste.json().get("title").asText()).isEqualTo("垃圾分类与收集处理规范");
    assertThat(waste.json().get("versions")).hasSize(1);

    JsonNode repealed = section().get("/api/standards/by-code?code=" + enc("Q/BSJG BZ205.4-2021")).json();
    assertThat(repealed.get("status").asText()).isEqualTo("REPEALED");
    assertThat(repealed.get("versions").get(0).get("status").asText()).isEqualTo("REPEALED");
    assertThat(repealed.get("versions").get(0).get("statusLabel").asText()).isEqualTo("已废止");
    assertThat(repealed.get("notices")).extracting(n -> n.get("kind").asText())
        .containsExactly("PUBLISHED", "REPEALED");
    assertThat(repealed.get("reviews").get(0).get("outcome").asText()).isEqualTo("REPEAL");

    JsonNode adopted = section().get("/api/standards/by-code?code=" + enc("GB/T 1.1-2020")).json();
    assertThat(adopted.get("title").asText()).isEqualTo("标准化工作导则 第1部分：标准化文件的结构和起草规则");
    assertThat(adopted.get("typeLabel").asText()).isEqualTo("国家标准");
    assertThat(adopted.get("nextReviewDate").asText()).isEqualTo("2027-03-01");
  }

  @Test
  void detailListsDocumentsCommentsAndTrainingsWithoutContent() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String pi = "test-pi-" + suffix;
    long standardId = insert("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code,
                                      process_instance_id, revision_in_progress, created_by, created_at, updated_at)
            VALUES (:title, '302', 'INTERNAL', 'sec-energy', 'IN_FORCE', :code, :pi, TRUE, 'test', :now, :now)""",
        Map.of("title", "文件列表测试规范-" + suffix, "code", "TEST-REGISTER-" + suffix, "pi", pi, "now", now()));
    long versionId = insert("""
            INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at, approved_by)
            VALUES (:sid, 1, :code, 'IN_FORCE', :eff, :now, 'wangjianguo')""",
        Map.of("sid", standardId, "code", "TEST-REGISTER-" + suffix, "eff", LocalDate.of(2025, 1, 1), "now", now()));
    jdbc.sql("UPDATE std_standard SET current_version_id = :v WHERE id = :id").param("v", versionId)
        .param("id", standardId).update();
    long published = document(standardId, versionId, null, "STANDARD_TEXT", "标准文本.pdf");
    long pending = document(standardId, null, pi, "DRAFTING_NOTES", "编制说明.docx");
    long unlinked = document(null, null, pi, "COMMENT_TABLE", "意见汇总.xlsx");
    jdbc.sql("""
            INSERT INTO std_comment (standard_id, process_instance_id, section, author, comment_text, no_comment,
                                     decision, reason, created_at, decided_by, decided_at)
            VALUES (:sid, :pi, 'sec-canteen', 'liuyang', '建议补充食堂用能计量要求', FALSE, 'PARTIALLY_ACCEPTED',
                    '计量要求另行规定', :now, 'zhengfang', :now)""")
        .param("sid", standardId).param("pi", pi).param("now", now()).update();
    jdbc.sql("""
            INSERT INTO std_training (standard_id, version_id, training_date, attendees, recorded_by, recorded_at)
            VALUES (:sid, :vid, :d, '各科室负责人 12 人', 'zhengfang', :now)""")
        .param("sid", standardId).param("vid", versionId).param("d", LocalDate.of(2025, 1, 10)).param("now", now())
        .update();

    jdbc.sql("""
            INSERT INTO std_acknowledgement (standard_id, version_id, user_id, acknowledged_at)
            VALUES (:sid, :vid, 'zhengfang', :now), (:sid, :vid, 'liuyang', NULL)""")
        .param("sid", standardId).param("vid", versionId).param("now", now()).update();

    Response r = RestClient.as(port, "linxiao", "demo").get("/api/standards/" + standardId);
    expect(r, 200);
    JsonNode detail = r.json();
    // who acknowledged the version and who did not: acknowledged first
    assertThat(detail.get("acknowledgements")).extracting(a -> a.get("userName").asText() + ":"
        + (a.get("acknowledgedAt").isNull() ? "未阅知" : "已阅知")).containsExactly("郑芳:已阅知", "刘洋:未阅知");
    assertThat(detail.at("/acknowledgements/0/versionId").asLong()).isEqualTo(versionId);
    assertThat(r.body()).doesNotContain("\"content\"");
    assertThat(detail.get("revisionInProgress").asBoolean()).isTrue();
    assertThat(detail.get("processInstanceId").asText()).isEqualTo(pi);
    assertThat(detail.get("responsibleSectionName").asText()).isEqualTo("节能科");
    JsonNode doc = detail.get("versions").get(0).get("documents").get(0);
    assertThat(doc.get("id").asLong()).isEqualTo(published);
    assertThat(doc.get("kind").asText()).isEqualTo("STANDARD_TEXT");
    assertThat(doc.get("kindLabel").asText()).isEqualTo("标准文本");
    assertThat(doc.get("fileName").asText()).isEqualTo("标准文本.pdf");
    assertThat(doc.get("mediaType").asText()).isEqualTo("application/octet-stream");
    assertThat(doc.get("sizeBytes").asLong()).isEqualTo(3);
    assertThat(doc.get("sha256").asText()).hasSize(64);
    assertThat(doc.get("uploadedBy").asText()).isEqualTo("zhengfang");
    assertThat(doc.get("uploadedAt").asText()).isNotBlank();
    assertThat(doc.get("downloadUrl").asText()).isEqualTo("/api/documents/" + published + "/content");
    assertThat(detail.get("pendingDocuments")).extracting(d -> d.get("id").asLong())
        .containsExactly(pending, unlinked);
    assertThat(detail.get("pendingDocuments").get(0).get("kindLabel").asText()).isEqualTo("编制说明");
    // the responsible section reads its drafts while others hold the run's task; other sections do not
    assertThat(RestClient.as(port, "zhengfang", "demo").getBytes("/api/documents/" + pending + "/content").status())
        .isEqualTo(200);
    assertThat(RestClient.as(port, "liuyang", "demo").getBytes("/api/documents/" + pending + "/content").status())
        .isEqualTo(403);
    JsonNode comment = detail.get("comments").get(0);
    assertThat(comment.get("section").asText()).isEqualTo("sec-canteen");
    assertThat(comment.get("sectionName").asText()).isEqualTo("食堂管理科");
    assertThat(comment.get("author").asText()).isEqualTo("liuyang");
    assertThat(comment.get("text").asText()).isEqualTo("建议补充食堂用能计量要求");
    assertThat(comment.get("noComment").asBoolean()).isFalse();
    assertThat(comment.get("decision").asText()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(comment.get("decisionLabel").asText()).isEqualTo("部分采纳");
    assertThat(comment.get("reason").asText()).isEqualTo("计量要求另行规定");
    JsonNode training = detail.get("trainings").get(0);
    assertThat(training.get("versionId").asLong()).isEqualTo(versionId);
    assertThat(training.get("trainingDate").asText()).isEqualTo("2025-01-10");
    assertThat(training.get("attendees").asText()).isEqualTo("各科室负责人 12 人");
  }

  @Test
  void unknownStandardsAreNotFound() {
    for (String path : List.of("/api/standards/987654321", "/api/standards/abc",
        "/api/standards/by-code?code=" + enc("Q/BSJG BZ999.1-2020"))) {
      Response r = section().get(path);
      expect(r, 404);
      assertThat(r.json().get("status").asInt()).isEqualTo(404);
      assertThat(r.json().get("message").asText()).as(path).containsAnyOf("不存在", "没有编号为");
    }
    Response noCode = section().get("/api/standards/by-code");
    expect(noCode, 400);
    assertThat(noCode.json().get("message").asText()).contains("code");
  }

  // ---------------------------------------------------------------- the tree

  @Test
  void treeIsNestedWithLiveStandardCounts() {
    JsonNode tree = section().get("/api/nodes").json();
    assertThat(tree).extracting(n -> n.get("code").asText()).startsWith("100", "200", "300");
    JsonNode operations = child(tree, "200");
    assertThat(operations.get("name").asText()).isEqualTo("运行保障标准体系");
    assertThat(operations.get("parentCode").isNull()).isTrue();
    assertThat(operations.get("children")).extracting(n -> n.get("code").asText())
        .startsWith("201", "202", "203", "204", "205", "206");
    JsonNode services = child(operations.get("children"), "205");
    assertThat(services.get("name").asText()).isEqualTo("后勤服务保障（食堂、物业、会务）");
    assertThat(services.get("sortOrder").asInt()).isEqualTo(5);
    assertThat(services.get("parentCode").asText()).isEqualTo("200");
    long live = all("node=205").stream()
        .filter(i -> !List.of("REPEALED", "REJECTED").contains(i.get("status").asText())).count();
    assertThat(services.get("standardCount").asLong()).isEqualTo(live).isGreaterThanOrEqualTo(9);
    assertThat(child(child(tree, "100").get("children"), "101").get("standardCount").asLong())
        .as("GB/T 1.1-2009 is repealed and not counted").isGreaterThanOrEqualTo(7);
    // a node's sub-tree: what the list's node filter finds, live standards only
    long liveUnder200 = all("node=200").stream()
        .filter(i -> !List.of("REPEALED", "REJECTED").contains(i.get("status").asText())).count();
    assertThat(operations.get("standardCount").asLong()).isLessThan(liveUnder200);
    assertThat(operations.get("subtreeCount").asLong()).isEqualTo(liveUnder200);
    assertThat(services.get("subtreeCount").asLong()).isEqualTo(services.get("standardCount").asLong());
  }

  @Test
  void officeCreatesRenamesMovesAndDeletesNodes() {
    String code = "9" + ThreadLocalRandom.current().nextInt(100000, 999999);
    Response created = office().post("/api/nodes", Map.of("code", code, "name", "应急预案" + code, "parentCode", "300",
        "sortOrder", 9));
    expect(created, 201);
    assertThat(created.json().get("code").asText()).isEqualTo(code);
    assertThat(created.json().get("name").asText()).isEqualTo("应急预案" + code);
    assertThat(created.json().get("parentCode").asText()).isEqualTo("300");
    assertThat(created.json().get("sortOrder").asInt()).isEqualTo(9);
    assertThat(created.json().get("standardCount").asLong()).isZero();
    assertThat(created.json().get("children")).isEmpty();
    assertThat(child(child(section().get("/api/nodes").json(), "300").get("children"), code)).isNotNull();
    assertThat(jdbc.sql("SELECT last_sequence FROM std_node WHERE code = :c").param("c", code).query(Integer.class)
        .single()).isZero();

    // a child without sort order goes after its last sibling
    String sub = code + ".1";
    Response child = office().post("/api/nodes", Map.of("code", sub, "name", "突发事件应急预案", "parentCode", code));
    expect(child, 201);
    assertThat(child.json().get("sortOrder").asInt()).isEqualTo(1);
    assertThat(office().get("/api/nodes").json().toString()).contains("\"code\":\"" + sub + "\"");

    // rename only: parent and order stay
    Response renamed = office().put("/api/nodes/" + sub, Map.of("name", "公共卫生事件应急预案"));
    expect(renamed, 200);
    assertThat(renamed.json().get("name").asText()).isEqualTo("公共卫生事件应急预案");
    assertThat(renamed.json().get("parentCode").asText()).isEqualTo(code);
    assertThat(renamed.json().get("sortOrder").asInt()).isEqualTo(1);

    // move under 100: appended after 101..103
    Response moved = RestClient.as(port, "admin", "admin-secret").put("/api/nodes/" + sub,
        Map.of("name", "公共卫生事件应急预案", "parentCode", "100"));
    expect(moved, 200);
    assertThat(moved.json().get("parentCode").asText()).isEqualTo("100");
    assertThat(moved.json().get("sortOrder").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(child(child(office().get("/api/nodes").json(), "100").get("children"), sub)).isNotNull();

    // the parent moves to the top level with an explicit null
    Map<String, Object> toTop = new HashMap<>();
    toTop.put("parentCode", null);
    toTop.put("sortOrder", "8");
    Response top = office().put("/api/nodes/" + code, toTop);
    expect(top, 200);
    assertThat(top.json().get("parentCode").isNull()).isTrue();
    assertThat(top.json().get("sortOrder").asInt()).isEqualTo(8);
    assertThat(child(office().get("/api/nodes").json(), code)).isNotNull();

    expect(office().delete("/api/nodes/" + sub), 204);
    expect(office().delete("/api/nodes/" + code), 204);
    assertThat(office().get("/api/nodes").json().toString()).doesNotContain("\"code\":\"" + code);
    Response again = office().delete("/api/nodes/" + code);
    expect(again, 404);
    assertThat(again.json().get("message").asText()).contains("不存在");
    expect(office().put("/api/nodes/" + code, Map.of("name", "不存在的节点")), 404);
  }

  @Test
  void onlyTheOfficeAndAdminsEditTheTree() {
    String before = section().get("/api/nodes").body();
    for (String user : List.of("liuyang", "linxiao", "wangjianguo")) {
      RestClient client = RestClient.as(port, user, "demo");
      for (Response r : List.of(client.post("/api/nodes", Map.of("code", "97531", "name", "越权节点")),
          client.put("/api/nodes/205", Map.of("name", "越权改名")), client.delete("/api/nodes/103"))) {
        expect(r, 403);
        assertThat(r.json().get("message").asText()).isEqualTo("只有标准化办公室和管理员可以维护标准体系表");
      }
    }
    assertThat(section().get("/api/nodes").body()).isEqualTo(before);

    RestClient admin = RestClient.as(port, "admin", "admin-secret");
    String code = "8" + ThreadLocalRandom.current().nextInt(100000, 999999);
    expect(admin.post("/api/nodes", Map.of("code", code, "name", "管理员节点" + code)), 201);
    expect(admin.delete("/api/nodes/" + code), 204);
  }

  @Test
  void invalidTreeEditsAreRefusedPerFieldAndChangeNothing() {
    String before = office().get("/api/nodes").body();
    long nodes = nodeRows();

    Response duplicate = office().post("/api/nodes", Map.of("code", "205", "name", "重复编码", "parentCode", "200"));
    expect(duplicate, 400);
    assertThat(duplicate.json().get("fieldErrors").get("code").asText()).contains("已存在");

    Map<String, Object> everythingWrong = new HashMap<>();
    everythingWrong.put("code", "20a");
    everythingWrong.put("name", "");
    everythingWrong.put("parentCode", "999999");
    everythingWrong.put("sortOrder", "first");
    JsonNode errors = fieldErrors(office().post("/api/nodes", everythingWrong));
    assertThat(errors.get("code").asText()).contains("数字和小数点");
    assertThat(errors.get("name").asText()).contains("不能为空");
    assertThat(errors.get("parentCode").asText()).contains("不存在");
    assertThat(errors.get("sortOrder").asText()).contains("整数");

    assertThat(fieldErrors(office().post("/api/nodes", Map.of("code", "1".repeat(21), "name", "太长")))
        .get("code").asText()).contains("20");
    assertThat(fieldErrors(office().post("/api/nodes", Map.of("code", "97", "name", "名".repeat(101))))
        .get("name").asText()).contains("100");
    assertThat(fieldErrors(office().post("/api/nodes", Map.of("code", "1.", "name", "点结尾")))
        .has("code")).isTrue();
    assertThat(fieldErrors(office().post("/api/nodes", Map.of("name", "没有编码"))).get("code").asText())
        .contains("不能为空");
    // sibling names are unique, the same name elsewhere is fine (checked by the validation only)
    assertThat(fieldErrors(office().post("/api/nodes",
        Map.of("code", "96", "name", "后勤服务保障（食堂、物业、会务）", "parentCode", "200"))).get("name").asText())
        .contains("已有名为");
    assertThat(fieldErrors(office().put("/api/nodes/206", Map.of("name", "公务用车管理"))).get("name").asText())
        .contains("已有名为");

    // no cycles: not under itself, not under a descendant
    assertThat(fieldErrors(office().put("/api/nodes/200", Map.of("parentCode", "205"))).get("parentCode").asText())
        .contains("下级节点");
    assertThat(fieldErrors(office().put("/api/nodes/205", Map.of("parentCode", "205"))).get("parentCode").asText())
        .contains("自己");
    assertThat(fieldErrors(office().put("/api/nodes/205", Map.of("code", "299"))).get("code").asText())
        .contains("不能修改");
    assertThat(fieldErrors(office().put("/api/nodes/205", Map.of("parentCode", "999999"))).has("parentCode"))
        .isTrue();

    // no delete while standards or sub-nodes hang on the node
    Response withStandards = office().delete("/api/nodes/205");
    expect(withStandards, 409);
    assertThat(withStandards.json().get("message").asText()).contains("205").contains("项标准").contains("已废止或未立项")
        .contains("不能删除");
    Response withChildren = office().delete("/api/nodes/200");
    expect(withChildren, 409);
    assertThat(withChildren.json().get("message").asText()).contains("下级节点");

    // not JSON at all
    Response notJson = rawPost("/api/nodes", "{code: 205");
    expect(notJson, 400);
    assertThat(notJson.json().get("message").asText()).contains("JSON");

    assertThat(office().get("/api/nodes").body()).isEqualTo(before);
    assertThat(nodeRows()).isEqualTo(nodes);
  }

  // ---------------------------------------------------------------- the demo register

  @Test
  void demoLoaderIsIdempotentAndKeepsNodeSequencesInStep() {
    long standards = count("std_standard");
    long versions = count("std_version");
    long notices = count("std_notice");
    long reviews = count("std_review");
    assertThat(demoLoader.load()).isZero();
    assertThat(count("std_standard")).isEqualTo(standards);
    assertThat(count("std_version")).isEqualTo(versions);
    assertThat(count("std_notice")).isEqualTo(notices);
    assertThat(count("std_review")).isEqualTo(reviews);

    List<DemoRegisterData.Entry> entries = DemoRegisterData.entries();
    assertThat(entries).hasSizeBetween(30, 40);
    for (DemoRegisterData.Entry entry : entries) {
      List<String> codes = demoLoader.codes(entry);
      assertThat(jdbc.sql("SELECT code FROM std_standard WHERE node_code = :n AND title = :t")
          .param("n", entry.node()).param("t", entry.title()).query(String.class).list())
          .as(entry.title()).containsExactly(codes.get(codes.size() - 1));
    }
    // every section has standards, and the tree's next code never repeats one in use
    assertThat(jdbc.sql("SELECT DISTINCT responsible_section FROM std_standard WHERE created_by = 'demo'")
        .query(String.class).list()).containsExactlyInAnyOrder("sec-general", "sec-canteen", "sec-property",
        "sec-vehicle", "sec-energy", "sec-reception", "sec-office-space");
    List<String> outOfStep = jdbc.sql("""
            SELECT n.code FROM std_node n
             WHERE n.last_sequence <> COALESCE((SELECT MAX(s.sequence_in_node) FROM std_standard s
                                                 WHERE s.node_code = n.code), 0)""")
        .query(String.class).list();
    assertThat(outOfStep).isEmpty();
    assertThat(jdbc.sql("SELECT last_sequence FROM std_node WHERE code = '205'").query(Integer.class).single())
        .isGreaterThanOrEqualTo(9);
    // the review rule: 3 years for internal standards and regulations, 5 for adopted ones, none when repealed
    assertThat(jdbc.sql("""
            SELECT COUNT(*) FROM std_standard WHERE created_by = 'demo' AND status = 'IN_FORCE'
               AND (standard_type IN ('INTERNAL', 'REGULATION') AND next_review_date <> DATEADD(YEAR, 3, effective_date)
                 OR standard_type IN ('NATIONAL', 'LOCAL') AND next_review_date <> DATEADD(YEAR, 5, effective_date))""")
        .query(Long.class).single()).isZero();
  }

  @Test
  void demoLoaderPutsBackAMissingEntryOnly() {
    DemoRegisterData.Entry terms = DemoRegisterData.entries().stream()
        .filter(e -> e.title().equals("机关事务服务常用术语")).findFirst().orElseThrow();
    long id = jdbc.sql("SELECT id FROM std_standard WHERE node_code = :n AND title = :t").param("n", terms.node())
        .param("t", terms.title()).query(Long.class).single();
    for (String table : List.of("std_notice", "std_review", "std_version")) {
      jdbc.sql("DELETE FROM " + table + " WHERE standard_id = :id").param("id", id).update();
    }
    jdbc.sql("DELETE FROM std_standard WHERE id = :id").param("id", id).update();
    long standards = count("std_standard");

    assertThat(demoLoader.load()).isEqualTo(1);
    assertThat(count("std_standard")).isEqualTo(standards + 1);
    JsonNode back = section().get("/api/standards/by-code?code=" + enc("Q/BSJG BZ102.1-2024")).json();
    assertThat(back.get("title").asText()).isEqualTo("机关事务服务常用术语");
    assertThat(back.get("versions")).hasSize(1);
    assertThat(jdbc.sql("SELECT last_sequence FROM std_node WHERE code = '102'").query(Integer.class).single())
        .isEqualTo(1);
    assertThat(demoLoader.load()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  /** Every item of a filtered list, page by page. */
  private List<JsonNode> all(String query) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      Response r = section().get("/api/standards?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query));
      expect(r, 200);
      r.json().get("items").forEach(items::add);
      if (items.size() >= r.json().get("total").asLong() || r.json().get("items").isEmpty()) {
        return items;
      }
    }
  }

  private static List<Long> ids(Response r) {
    return StreamSupport.stream(r.json().get("items").spliterator(), false).map(i -> i.get("id").asLong()).toList();
  }

  private static JsonNode byCode(List<JsonNode> items, String code) {
    return items.stream().filter(i -> code.equals(i.get("code").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no item " + code));
  }

  private static JsonNode child(JsonNode nodes, String code) {
    return StreamSupport.stream(nodes.spliterator(), false).filter(n -> n.get("code").asText().equals(code))
        .findFirst().orElseThrow(() -> new AssertionError("no node " + code + " in " + nodes));
  }

  private static JsonNode fieldErrors(Response r) {
    expect(r, 400);
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
    return r.json().get("fieldErrors");
  }

  private Response rawPost(String path, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("zhaomin:demo".getBytes()))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> r = HttpClient.newHttpClient().send(request,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long insert(String sql, Map<String, ?> params) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }

  private long document(Long standardId, Long versionId, String pi, String kind, String fileName) {
    Map<String, Object> params = new HashMap<>();
    params.put("sid", standardId);
    params.put("vid", versionId);
    params.put("pi", pi);
    params.put("kind", kind);
    params.put("name", fileName);
    params.put("now", now());
    return insert("""
        INSERT INTO std_document (standard_id, version_id, process_instance_id, kind, file_name, media_type,
                                  size_bytes, sha256, content, uploaded_by, uploaded_at)
        VALUES (:sid, :vid, :pi, :kind, :name, 'application/octet-stream', 3,
                'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', X'616263', 'zhengfang', :now)""",
        params);
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private long nodeRows() {
    return count("std_node");
  }

  private static Timestamp now() {
    return new Timestamp(System.currentTimeMillis());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void expect(Response response, int status) {
    assertThat(response.status()).as("HTTP status, body: %s", response.body()).isEqualTo(status);
  }
}
