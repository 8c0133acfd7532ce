package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/**
 * A known data set in 2011 (a year no other test writes), in a tree node of its own, for the
 * energy section (sec-energy) plus one canteen record: every figure of GET /api/statistics for that
 * filter, the same figures in the XLSX and PDF reports, who may see what, and bad input.
 */
@StdflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTest {

  private static final String ENERGY = "sec-energy";
  private static final String CANTEEN = "sec-canteen";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private String root;
  private String child;
  private String emptyChild;
  private String query;

  @BeforeAll
  void knownDataSet() {
    StatisticsTestData.Tree tree = new StatisticsTestData(jdbc).energy2011();
    root = tree.root();
    child = tree.child();
    emptyChild = tree.emptyChild();
    query = "/api/statistics?from=2011-01-01&to=2011-12-31&section=" + ENERGY + "&node=" + root;
  }

  private JsonNode get(String user, String path) {
    RestClient.Response r = RestClient.as(port, user, "demo").get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void everyFigureOfTheEnergySectionIn2011() {
    assertEveryFigureOfTheEnergySectionIn2011(get("zhaomin", query), root, child, emptyChild);
  }

  /** The figures of {@link StatisticsTestData#energy2011()} for sec-energy, 2011, its root node. */
  static void assertEveryFigureOfTheEnergySectionIn2011(JsonNode s, String root, String child, String emptyChild) {

    assertThat(s.at("/period/from").asText()).isEqualTo("2011-01-01");
    assertThat(s.at("/period/to").asText()).isEqualTo("2011-12-31");
    assertThat(s.at("/section/id").asText()).isEqualTo(ENERGY);
    assertThat(s.at("/section/name").asText()).isEqualTo("节能科");
    assertThat(s.at("/node/code").asText()).isEqualTo(root);

    JsonNode st = s.get("standards");
    assertThat(st.get("total").asInt()).isEqualTo(7);
    assertThat(st.get("inForce").asInt()).isEqualTo(5);
    assertThat(st.get("internal").asInt()).isEqualTo(2);
    assertThat(st.get("adopted").asInt()).isEqualTo(1);
    assertThat(st.get("regulation").asInt()).isEqualTo(2);
    assertThat(counts(st.get("byType"))).containsExactly(Map.entry("INTERNAL", "内部标准=2"),
        Map.entry("NATIONAL", "国家标准=1"), Map.entry("LOCAL", "地方标准=0"), Map.entry("REGULATION", "规章制度=2"));
    Map<String, String> statuses = counts(st.get("byStatus"));
    assertThat(statuses).hasSize(9).containsEntry("IN_FORCE", "现行有效=5").containsEntry("DRAFTING", "起草中=1")
        .containsEntry("REPEALED", "已废止=1").containsEntry("PROPOSED", "已立项申请=0")
        .containsEntry("IN_COMMENT", "征求意见中=0").containsEntry("IN_REVIEW", "评审中=0")
        .containsEntry("AWAITING_APPROVAL", "待批准发布=0").containsEntry("SUPERSEDED", "已被替代=0")
        .containsEntry("REJECTED", "未立项=0");
    List<String> nodes = new ArrayList<>();
    st.get("byNode").forEach(n -> nodes.add(n.get("code").asText() + ":" + n.get("level").asInt() + ":"
        + n.get("inForce").asInt() + "/" + n.get("internal").asInt() + "/" + n.get("adopted").asInt() + "/"
        + n.get("regulation").asInt()));
    assertThat(nodes).containsExactly(root + ":0:5/2/1/2", child + ":1:4/2/1/1", emptyChild + ":1:0/0/0/0");
    assertThat(st.at("/byNode/0/name").asText()).startsWith("统计测试体系");
    assertThat(st.at("/coverage/leafNodes").asInt()).isEqualTo(2);
    assertThat(st.at("/coverage/coveredLeafNodes").asInt()).isEqualTo(1);
    assertThat(st.at("/coverage/rate").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(st.get("publishedInPeriod").asInt()).isEqualTo(2);

    JsonNode rv = s.get("reviews");
    assertThat(rv.get("dueInPeriod").asInt()).isEqualTo(2);
    assertThat(rv.get("overdue").asInt()).isEqualTo(3);
    assertThat(rv.get("completedInPeriod").asInt()).isEqualTo(1);
    List<String> overdue = new ArrayList<>();
    rv.get("overdueStandards").forEach(o -> overdue.add(o.get("code").asText().replaceAll("-.*", "") + " "
        + o.get("nextReviewDate").asText() + " " + o.get("sectionName").asText()));
    assertThat(overdue).containsExactly("T/STAT S1 2011-03-15 节能科", "T/STAT S3 2011-06-30 节能科",
        "T/STAT S4 2012-05-01 节能科");

    JsonNode in = s.get("inspections");
    assertThat(in.get("done").asInt()).isEqualTo(4);
    assertThat(in.get("passed").asInt()).isEqualTo(3);
    assertThat(in.get("failed").asInt()).isEqualTo(1);
    assertThat(in.get("missed").asInt()).isEqualTo(1);
    assertThat(in.get("passRate").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(rows(in.get("bySection"))).containsExactly("sec-energy 节能科 3/1/1 60.0");
    List<String> months = rows(in.get("byMonth"));
    assertThat(months).hasSize(12);
    assertThat(months.get(0)).isEqualTo("2011-01 2011年1月 2/1/0 66.7");
    assertThat(months.get(1)).isEqualTo("2011-02 2011年2月 1/0/1 50.0");
    assertThat(months.subList(2, 12)).allMatch(m -> m.endsWith(" 0/0/0 null"));
    assertThat(months.get(11)).startsWith("2011-12 2011年12月");

    // the node counts the records tied to its standards: the complaint's and the survey's rectifications
    // (no standard) and the quarterly praise and criticism (of a section) are not the node's
    JsonNode rc = s.get("rectifications");
    assertThat(rc.get("opened").asInt()).isEqualTo(3);
    assertThat(rc.get("closed").asInt()).isEqualTo(2);
    assertThat(rc.get("open").asInt()).isEqualTo(2);
    assertThat(rc.get("overdue").asInt()).isEqualTo(1);
    assertThat(rc.get("meanDaysToClose").decimalValue()).isEqualByComparingTo("20.0");
    assertThat(counts(rc.get("bySource"))).containsExactly(Map.entry("INSPECTION", "监督检查=3"),
        Map.entry("COMPLAINT", "投诉=0"), Map.entry("SURVEY", "满意度测评=0"));
    assertThat(rc.get("bySection")).hasSize(1);
    JsonNode rs = rc.at("/bySection/0");
    assertThat(rs.get("section").asText() + " " + rs.get("sectionName").asText() + " " + rs.get("opened").asInt() + "/"
        + rs.get("closed").asInt() + "/" + rs.get("open").asInt() + "/" + rs.get("overdue").asInt() + " "
        + rs.get("meanDaysToClose").decimalValue().setScale(1, java.math.RoundingMode.HALF_UP)).isEqualTo("sec-energy 节能科 3/2/2/1 20.0");

    JsonNode cm = s.get("commendations");
    assertThat(cm.get("praise").asInt()).isZero();
    assertThat(cm.get("criticism").asInt()).isEqualTo(1);
    assertThat(cm.get("bySection")).hasSize(1);
    assertThat(cm.at("/bySection/0/sectionName").asText()).isEqualTo("节能科");
    assertThat(cm.at("/bySection/0/criticism").asInt()).isEqualTo(1);

    // no complaints and no survey results in this section and period
    assertThat(s.at("/complaints/available").asBoolean()).isTrue();
    assertThat(s.at("/complaints/received").asInt()).isZero();
    assertThat(s.at("/complaints/closed").asInt()).isZero();
    assertThat(s.at("/complaints/meanResponseHours").isNull()).isTrue();
    // surveys rate services, not standards: no figure for a node
    assertThat(s.at("/satisfaction/available").asBoolean()).isFalse();
    assertThat(s.at("/satisfaction/note").asText()).isEqualTo("满意度测评按服务开展，不按标准体系节点统计");
    assertThat(s.at("/satisfaction/byMonth")).isEmpty();

    assertThat(s.get("sections")).hasSize(1);
  }

  /** Without a node, every supervision record of the section counts, whatever it is tied to. */
  @Test
  void withoutANodeEveryRecordOfTheSectionCounts() {
    JsonNode s = get("zhaomin", "/api/statistics?from=2011-01-01&to=2011-12-31&section=" + ENERGY);
    JsonNode rc = s.get("rectifications");
    assertThat(rc.get("opened").asInt()).isEqualTo(5);
    assertThat(rc.get("closed").asInt()).isEqualTo(3);
    assertThat(rc.get("open").asInt()).isEqualTo(3);
    assertThat(rc.get("overdue").asInt()).isEqualTo(1);
    assertThat(rc.get("meanDaysToClose").decimalValue()).isEqualByComparingTo("14.5");
    assertThat(counts(rc.get("bySource"))).containsExactly(Map.entry("INSPECTION", "监督检查=3"),
        Map.entry("COMPLAINT", "投诉=1"), Map.entry("SURVEY", "满意度测评=1"));
    assertThat(s.at("/commendations/praise").asInt()).isEqualTo(1);
    assertThat(s.at("/commendations/criticism").asInt()).isEqualTo(2);
    assertThat(s.at("/inspections/done").asInt()).isEqualTo(4);
    assertThat(s.at("/satisfaction/available").asBoolean()).isTrue();
  }

  @Test
  void complaintsAndSatisfactionComeFromTheFeedbackAndSurveyRecords() {
    // 2012, energy section: two complaints (one answered after 4 hours and closed), one survey result
    jdbc.sql("""
            INSERT INTO ev_feedback (feedback_type, status, section_id, submitter, description, submitted_at, replied_at,
                                     closed_at)
            VALUES ('COMPLAINT', 'RATED', :s, 'sunli', '节能设备长时间未检修', :a, :r, :c)""")
        .param("s", ENERGY).param("a", java.sql.Timestamp.valueOf("2012-03-01 10:00:00"))
        .param("r", java.sql.Timestamp.valueOf("2012-03-01 14:00:00"))
        .param("c", java.sql.Timestamp.valueOf("2012-03-02 09:00:00")).update();
    jdbc.sql("""
            INSERT INTO ev_feedback (feedback_type, status, section_id, submitter, description, submitted_at)
            VALUES ('COMPLAINT', 'ASSIGNED', :s, 'sunli', '走廊灯长明不关，浪费电', :a)""")
        .param("s", ENERGY).param("a", java.sql.Timestamp.valueOf("2012-05-10 08:30:00")).update();
    jdbc.sql("""
            INSERT INTO ev_feedback (feedback_type, status, section_id, submitter, description, submitted_at)
            VALUES ('SUGGESTION', 'ASSIGNED', :s, 'sunli', '建议增加节能宣传', :a)""")
        .param("s", ENERGY).param("a", java.sql.Timestamp.valueOf("2012-05-11 08:30:00")).update();
    jdbc.sql("""
            INSERT INTO ev_survey_result (survey_id, quarter, section_id, respondents, answers, satisfied_answers,
                                          satisfaction_rate, threshold, below_threshold, entered_by, entered_at)
            SELECT id, '2012-Q1', :s, 20, 80, 70, 87.50, 90, TRUE, 'zhaomin', :at FROM ev_survey WHERE service = 'vehicle'""")
        .param("s", ENERGY).param("at", java.sql.Timestamp.valueOf("2012-04-03 09:00:00")).update();

    JsonNode s = RestClient.as(port, "zhaomin", "demo")
        .get("/api/statistics?from=2012-01-01&to=2012-12-31&section=" + ENERGY).json();

    assertThat(s.at("/complaints/received").asInt()).isEqualTo(2);
    assertThat(s.at("/complaints/closed").asInt()).isEqualTo(1);
    assertThat(s.at("/complaints/meanResponseHours").decimalValue()).isEqualByComparingTo("4.0");
    assertThat(s.at("/satisfaction/responses").asInt()).isEqualTo(20);
    assertThat(s.at("/satisfaction/average").decimalValue()).isEqualByComparingTo("87.5");
    assertThat(s.at("/satisfaction/byMonth/0/month").asText()).isEqualTo("2012-04");
    assertThat(s.at("/satisfaction/byMonth")).hasSize(1);
    // the first half-year holds only the first complaint and nothing entered of the survey yet
    JsonNode half = RestClient.as(port, "zhaomin", "demo")
        .get("/api/statistics?from=2012-01-01&to=2012-03-31&section=" + ENERGY).json();
    assertThat(half.at("/complaints/received").asInt()).isEqualTo(1);
    assertThat(half.at("/satisfaction/average").isNull()).isTrue();
  }

  @Test
  void withoutTheSectionFilterTheCanteensRecordsCountToo() {
    JsonNode s = get("wangjianguo", "/api/statistics?from=2011-01-01&to=2011-12-31&node=" + root);
    assertThat(s.get("section").isNull()).isTrue();
    assertThat(s.at("/standards/total").asInt()).isEqualTo(8);
    assertThat(s.at("/standards/inForce").asInt()).isEqualTo(6);
    assertThat(s.at("/standards/internal").asInt()).isEqualTo(3);
    assertThat(s.at("/inspections/passed").asInt()).isEqualTo(3);
    assertThat(s.at("/inspections/failed").asInt()).isEqualTo(2);
    assertThat(s.at("/inspections/missed").asInt()).isEqualTo(1);
    assertThat(s.at("/inspections/passRate").decimalValue()).isEqualByComparingTo("50.0");
    List<String> sections = rows(s.at("/inspections/bySection"));
    assertThat(sections).hasSize(7).contains("sec-energy 节能科 3/1/1 60.0", "sec-canteen 食堂管理科 0/1/0 0.0",
        "sec-general 综合科 0/0/0 null");
    assertThat(s.get("sections")).hasSize(7);
  }

  @Test
  void aSectionMemberSeesItsOwnSectionOnly() {
    // the canteen's member without a section filter: the canteen's figures
    JsonNode own = get("liuyang", "/api/statistics?from=2011-01-01&to=2011-12-31&node=" + root);
    assertThat(own.at("/standards/total").asInt()).isEqualTo(1);
    assertThat(own.at("/inspections/failed").asInt()).isEqualTo(1);
    assertThat(own.at("/inspections/passed").asInt()).isEqualTo(0);
    assertThat(rows(own.at("/inspections/bySection"))).containsExactly("sec-canteen 食堂管理科 0/1/0 0.0");
    assertThat(own.get("sections")).hasSize(1);

    RestClient.Response other = RestClient.as(port, "liuyang", "demo").get(query);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().get("message").asText()).isEqualTo("科室只能查看本科室的统计数据");
    assertThat(RestClient.as(port, "liuyang", "demo").getBytes("/api/statistics/reports/monthly/2011-01.pdf?section="
        + ENERGY).status()).isEqualTo(403);
    assertThat(RestClient.as(port, "zhengfang", "demo").get(query).status()).isEqualTo(200);

    // a support group is no section and no reader of all
    RestClient.Response support = RestClient.as(port, "sunli", "demo").get("/api/statistics");
    assertThat(support.status()).isEqualTo(403);
    assertThat(support.json().get("message").asText()).contains("只有领导小组");
    assertThat(RestClient.anonymous(port).get("/api/statistics").status()).isEqualTo(401);
    for (String reader : List.of("wangjianguo", "zhaomin", "majun", "linxiao")) {
      assertThat(RestClient.as(port, reader, "demo").get(query).status()).as(reader).isEqualTo(200);
    }
    assertThat(RestClient.as(port, "admin", "admin-secret").get(query).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedInChinese() {
    RestClient client = RestClient.as(port, "zhaomin", "demo");
    assertMessage(client.get("/api/statistics?from=2011-13-01"), 400, "from 须为 YYYY-MM-DD 格式的日期");
    assertMessage(client.get("/api/statistics?to=yesterday"), 400, "to 须为 YYYY-MM-DD 格式的日期");
    assertMessage(client.get("/api/statistics?from=2011-12-01&to=2011-01-01"), 400, "开始日期 from 不能晚于结束日期 to");
    assertMessage(client.get("/api/statistics?from=2001-01-01&to=2011-01-01"), 400, "统计期间最长 5 年");
    assertMessage(client.get("/api/statistics?section=sec-nowhere"), 400, "没有编号为 sec-nowhere 的科室");
    assertMessage(client.get("/api/statistics?section=leadership"), 400, "没有编号为 leadership 的科室");
    assertMessage(client.get("/api/statistics?node=NO-SUCH-NODE"), 400, "标准体系中没有编号为 NO-SUCH-NODE 的节点");
    // a date the calendar can hold but the reports cannot compute with
    assertMessage(client.get("/api/statistics?from=%2B999999999-01-01"), 400, "日期超出可处理的范围");
    assertMessage(client.get("/api/statistics/reports/monthly/2011-13.pdf"), 400, "月份须写作 YYYY-MM");
    assertMessage(client.get("/api/statistics/reports/quarterly/2011-Q5.xlsx"), 400, "季度须写作 YYYY-Qn");
    assertMessage(client.get("/api/statistics/reports/weekly/2011-01.pdf"), 400, "报告类型只能是 monthly");
    assertMessage(client.get("/api/statistics/reports/monthly/2011-01.doc"), 404, "报告文件须为");
  }

  private static void assertMessage(RestClient.Response r, int status, String text) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("message").asText()).contains(text).contains("请求").doesNotContain("Exception");
  }

  @Test
  void theQuarterlyReportShowsTheApisFiguresInXlsxAndPdf() throws Exception {
    String period = "&from=2011-01-01&to=2011-03-31&section=" + ENERGY;
    JsonNode api = get("wangjianguo", "/api/statistics?" + period.substring(1));
    // the quarter's supervision figures, known from the data set
    assertThat(api.at("/inspections/passRate").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(api.at("/rectifications/opened").asInt()).isEqualTo(2);
    assertThat(api.at("/rectifications/closed").asInt()).isEqualTo(3);
    assertThat(api.at("/rectifications/open").asInt()).isEqualTo(0);
    assertThat(api.at("/rectifications/meanDaysToClose").decimalValue()).isEqualByComparingTo("14.5");
    Map<String, Object> expected = overview(api);

    RestClient.BinaryResponse xlsx = RestClient.as(port, "wangjianguo", "demo")
        .getBytes("/api/statistics/reports/quarterly/2011-Q1.xlsx?section=" + ENERGY);
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
    assertThat(xlsx.header("Content-Disposition")).contains("attachment").contains("2011-Q1");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet overview = book.getSheetAt(0);
      assertThat(overview.getSheetName()).isEqualTo("1 主要指标");
      assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("机关事务标准化工作季度统计报告（2011年第1季度）");
      assertThat(overview.getRow(1).getCell(0).getStringCellValue()).contains("2011-01-01 至 2011-03-31").contains("节能科");
      Map<String, Object> cells = new LinkedHashMap<>();
      for (int i = 4; i <= overview.getLastRowNum(); i++) {
        Row row = overview.getRow(i);
        cells.put(row.getCell(0).getStringCellValue(), value(row.getCell(1)));
      }
      assertThat(cells).containsExactlyEntriesOf(expected);
      assertThat(cells).containsEntry("检查合格率（%）", "60").containsEntry("平均整改天数", "14.5")
          .containsEntry("完成检查（合格＋不合格）", "4").containsEntry("本期关闭整改", "3")
          .containsEntry("投诉平均响应时长（小时）", "暂无数据").containsEntry("满意率（%）", "暂无数据");

      Sheet bySection = book.getSheet("5 各科室检查情况");
      assertThat(text(bySection.getRow(1))).isEqualTo("节能科|3|1|1|60");
      Sheet byMonth = book.getSheet("6 各月检查情况");
      assertThat(text(byMonth.getRow(1))).isEqualTo("2011年1月|2|1|0|66.7");
      assertThat(text(byMonth.getRow(2))).isEqualTo("2011年2月|1|0|1|50");
      assertThat(text(byMonth.getRow(3))).isEqualTo("2011年3月|0|0|0|暂无数据");
      assertThat(byMonth.getLastRowNum()).isEqualTo(3);
      Sheet rect = book.getSheet("7 各科室整改情况");
      assertThat(text(rect.getRow(1))).isEqualTo("节能科|2|3|0|0|14.5");
      Sheet sources = book.getSheet("8 本期新开整改按来源");
      assertThat(text(sources.getRow(1)) + " " + text(sources.getRow(2)) + " " + text(sources.getRow(3)))
          .isEqualTo("监督检查|1 投诉|1 满意度测评|0");
      Sheet satisfaction = book.getSheet("11 满意度趋势");
      assertThat(text(satisfaction.getRow(1))).isEqualTo("暂无数据|暂无数据|暂无数据");
    }

    RestClient.BinaryResponse pdf = RestClient.as(port, "wangjianguo", "demo")
        .getBytes("/api/statistics/reports/quarterly/2011-Q1.pdf?section=" + ENERGY);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
    // kept for people to look at, like the browser tests' screenshots
    java.nio.file.Path samples = java.nio.file.Path.of("target", "report-samples");
    java.nio.file.Files.createDirectories(samples);
    java.nio.file.Files.write(samples.resolve("statistics-2011-Q1-sec-energy.pdf"), pdf.body());
    java.nio.file.Files.write(samples.resolve("statistics-2011-Q1-sec-energy.xlsx"), xlsx.body());
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
      assertThat(text).contains("机关事务标准化工作季度统计报告（2011年第1季度）").contains("2011-01-01 至 2011-03-31");
      for (Map.Entry<String, Object> e : expected.entrySet()) {
        assertThat(text).as(e.getKey()).contains(e.getKey() + " " + e.getValue() + "\n");
      }
      assertThat(text).contains("节能科 3 1 1 60\n").contains("2011年1月 2 1 0 66.7\n").contains("2011年2月 1 0 1 50\n")
          .contains("2011年3月 0 0 0 暂无数据\n").contains("节能科 2 3 0 0 14.5\n");
      // the Chinese font is embedded (a subset), so the PDF prints the same everywhere
      PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).contains("WenQuanYi");
    }
  }

  @Test
  void theMonthlyReportOfAMonthWithoutInspections() throws Exception {
    RestClient.BinaryResponse xlsx = RestClient.as(port, "zhengfang", "demo")
        .getBytes("/api/statistics/reports/monthly/2011-11.xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet overview = book.getSheetAt(0);
      assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("机关事务标准化工作月度统计报告（2011年11月）");
      Map<String, Object> cells = new LinkedHashMap<>();
      for (int i = 4; i <= overview.getLastRowNum(); i++) {
        cells.put(overview.getRow(i).getCell(0).getStringCellValue(), value(overview.getRow(i).getCell(1)));
      }
      // zhengfang belongs to the energy section: its report is the energy section's
      assertThat(overview.getRow(1).getCell(0).getStringCellValue()).contains("节能科");
      assertThat(cells).containsEntry("检查合格率（%）", "暂无数据").containsEntry("完成检查（合格＋不合格）", "0")
          .containsEntry("本期新开整改", "1").containsEntry("期末未关闭整改", "2").containsEntry("期末逾期整改", "1")
          .containsEntry("本期关闭整改", "0").containsEntry("平均整改天数", "暂无数据").containsEntry("表扬", "0");
    }
  }

  /** The overview rows the API's figures give, as the report prints them. */
  private static Map<String, Object> overview(JsonNode s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("标准总数（各状态）", s.at("/standards/total").asText());
    m.put("现行有效标准", s.at("/standards/inForce").asText());
    m.put("其中：内部标准", s.at("/standards/internal").asText());
    m.put("其中：采用的国家、地方标准", s.at("/standards/adopted").asText());
    m.put("其中：规章制度", s.at("/standards/regulation").asText());
    m.put("标准体系末级节点数", s.at("/standards/coverage/leafNodes").asText());
    m.put("有现行标准的末级节点数", s.at("/standards/coverage/coveredLeafNodes").asText());
    m.put("标准体系覆盖率（%）", number(s.at("/standards/coverage/rate")));
    m.put("本期实施的标准版本", s.at("/standards/publishedInPeriod").asText());
    m.put("本期到期应复审", s.at("/reviews/dueInPeriod").asText());
    m.put("复审逾期（截至今日）", s.at("/reviews/overdue").asText());
    m.put("本期完成复审", s.at("/reviews/completedInPeriod").asText());
    m.put("完成检查（合格＋不合格）", s.at("/inspections/done").asText());
    m.put("检查合格", s.at("/inspections/passed").asText());
    m.put("检查不合格", s.at("/inspections/failed").asText());
    m.put("漏检", s.at("/inspections/missed").asText());
    m.put("检查合格率（%）", number(s.at("/inspections/passRate")));
    m.put("本期新开整改", s.at("/rectifications/opened").asText());
    m.put("本期关闭整改", s.at("/rectifications/closed").asText());
    m.put("期末未关闭整改", s.at("/rectifications/open").asText());
    m.put("期末逾期整改", s.at("/rectifications/overdue").asText());
    m.put("平均整改天数", number(s.at("/rectifications/meanDaysToClose")));
    m.put("表扬", s.at("/commendations/praise").asText());
    m.put("通报批评", s.at("/commendations/criticism").asText());
    m.put("收到投诉", number(s.at("/complaints/received")));
    m.put("已办结投诉", number(s.at("/complaints/closed")));
    m.put("投诉平均响应时长（小时）", number(s.at("/complaints/meanResponseHours")));
    m.put("满意度测评人数", number(s.at("/satisfaction/responses")));
    m.put("满意率（%）", number(s.at("/satisfaction/average")));
    return m;
  }

  private static String number(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? "暂无数据" : n.decimalValue().stripTrailingZeros().toPlainString();
  }

  /** A cell as text: numbers without trailing zeros. */
  private static String value(Cell c) {
    if (c.getCellType() == CellType.NUMERIC) {
      return new java.math.BigDecimal(String.valueOf(c.getNumericCellValue())).stripTrailingZeros().toPlainString();
    }
    return c.getStringCellValue();
  }

  private static String text(Row row) {
    List<String> cells = new ArrayList<>();
    row.forEach(c -> cells.add(value(c)));
    return String.join("|", cells);
  }

  private static Map<String, String> counts(JsonNode list) {
    Map<String, String> m = new LinkedHashMap<>();
    list.forEach(c -> m.put(c.get("code").asText(), c.get("label").asText() + "=" + c.get("count").asInt()));
    return m;
  }

  private static List<String> rows(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(r -> out.add(r.get("key").asText() + " " + r.get("label").asText() + " " + r.get("passed").asInt() + "/"
        + r.get("failed").asInt() + "/" + r.get("missed").asInt() + " "
        + (r.get("passRate").isNull() ? "null" : r.get("passRate").decimalValue().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString())));
    return out;
  }
}
