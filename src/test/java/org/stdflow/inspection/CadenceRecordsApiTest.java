package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/** /api/weekly-reports, /api/monthly-evaluations, /api/quarterly-assessments: who reads what, and bad parameters. */
@StdflowSpringTest
class CadenceRecordsApiTest {

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private static final java.util.concurrent.atomic.AtomicInteger NEXT_YEAR =
      new java.util.concurrent.atomic.AtomicInteger(1000 + new Random().nextInt(800));
  /** Weeks from 1990 on, one of its own per test method (a random week per method collided now and then). */
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_WEEK =
      new java.util.concurrent.atomic.AtomicInteger(new Random().nextInt(400));

  private LocalDate monday;
  private String month;
  private String quarter;

  @BeforeEach
  void records() {
    Random random = new Random();
    monday = LocalDate.of(1990, 1, 1).plusWeeks(NEXT_WEEK.getAndIncrement()); // 1990-01-01 was a Monday
    // a year of its own per test method (no other test writes years before 1900), so no row collides
    int year = NEXT_YEAR.getAndIncrement();
    month = year + "-0" + (1 + random.nextInt(9));
    quarter = year + "-Q" + (1 + random.nextInt(4));
    for (String section : List.of("sec-property", "sec-canteen")) {
      jdbc.sql("""
              INSERT INTO insp_weekly_report (week_start, week_end, section_id, inspections, failed, missed, pass_rate,
                rect_opened, rect_open, rect_overdue, summary, submitted_by, submitted_at)
              VALUES (:w, :e, :s, 4, 1, 0, 75.0, 1, 1, 0, :sum, 'test', :at)""")
          .param("w", monday).param("e", monday.plusDays(6)).param("s", section).param("sum", section + " 周报")
          .param("at", LocalDateTime.now()).update();
      jdbc.sql("""
              INSERT INTO insp_monthly_evaluation (period_month, section_id, inspections, failed, missed, rect_opened,
                rect_closed, rect_overdue, criticisms, score, evaluated_by, evaluated_at)
              VALUES (:m, :s, 0, 0, 0, 0, 0, 0, 0, 88, 'zhaomin', :at)""")
          .param("m", month).param("s", section).param("at", LocalDateTime.now()).update();
      jdbc.sql("""
              INSERT INTO insp_quarterly_assessment (period_quarter, section_id, rank_no, evaluated_months, assessed_by,
                assessed_at)
              VALUES (:q, :s, :r, 0, 'lihong', :at)""")
          .param("q", quarter).param("s", section).param("r", section.equals("sec-property") ? 1 : 2)
          .param("at", LocalDateTime.now()).update();
    }
  }

  @Test
  void supervisorsReadEverySectionSectionsOnlyTheirOwn() {
    String weekly = "/api/weekly-reports?from=" + monday + "&to=" + monday.plusDays(6);
    for (String reader : List.of("zhaomin", "wangjianguo", "majun", "linxiao")) {
      assertThat(sections(get(reader, weekly))).as(reader).containsExactlyInAnyOrder("sec-canteen", "sec-property");
    }
    assertThat(sections(RestClient.as(port, "admin", "admin-secret").get(weekly).json())).hasSize(2);
    JsonNode own = get("huanglei", weekly);
    assertThat(sections(own)).containsExactly("sec-property");
    assertThat(own.get(0).get("sectionName").asText()).isEqualTo("物业管理科");
    assertThat(own.get(0).get("summary").asText()).isEqualTo("sec-property 周报");
    assertThat(own.get(0).get("weekStart").asText()).isEqualTo(monday.toString());
    assertThat(own.get(0).get("passRate").asDouble()).isEqualTo(75.0);
    assertThat(sections(get("zhaomin", weekly + "&section=sec-canteen"))).containsExactly("sec-canteen");

    assertThat(sections(get("liuyang", "/api/monthly-evaluations?month=" + month))).containsExactly("sec-canteen");
    assertThat(sections(get("zhaomin", "/api/monthly-evaluations?month=" + month))).hasSize(2);
    JsonNode ranking = get("lihong", "/api/quarterly-assessments?quarter=" + quarter);
    assertThat(sections(ranking)).containsExactly("sec-property", "sec-canteen");
    assertThat(ranking.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(sections(get("huanglei", "/api/quarterly-assessments?quarter=" + quarter))).containsExactly("sec-property");
  }

  @Test
  void otherSectionsAndStrangersAreRefused() {
    RestClient.Response other = RestClient.as(port, "huanglei", "demo").get("/api/weekly-reports?section=sec-canteen");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().get("message").asText()).isEqualTo("只能查看本科室的记录");
    RestClient.Response support = RestClient.as(port, "sunli", "demo").get("/api/monthly-evaluations");
    assertThat(support.status()).isEqualTo(403);
    assertThat(support.json().get("message").asText()).isEqualTo("无权查看督查记录");
    assertThat(RestClient.anonymous(port).get("/api/quarterly-assessments").status()).isEqualTo(401);
  }

  @Test
  void malformedParametersAreA400WithAChineseMessage() {
    RestClient zhaomin = RestClient.as(port, "zhaomin", "demo");
    assertBad(zhaomin.get("/api/weekly-reports?from=2026/11/23"), "日期 from 的格式应为 yyyy-MM-dd");
    assertBad(zhaomin.get("/api/weekly-reports?from=2026-11-30&to=2026-11-01"), "开始日期 from 不能晚于结束日期 to");
    assertBad(zhaomin.get("/api/monthly-evaluations?month=2026-13"), "月份 month 的格式应为 YYYY-MM");
    assertBad(zhaomin.get("/api/quarterly-assessments?quarter=2026-Q5"), "季度 quarter 的格式应为 YYYY-Qn");
    assertBad(zhaomin.get("/api/weekly-reports?section=sec-nowhere"), "没有编号为“sec-nowhere”的科室");
  }

  private void assertBad(RestClient.Response r, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("status").asInt()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains(message);
  }

  private JsonNode get(String user, String path) {
    RestClient.Response r = RestClient.as(port, user, "demo").get(path);
    assertThat(r.status()).as(user + " " + path + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> sections(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get("sectionId").asText()));
    return out;
  }
}
