package org.stdflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Complaints and satisfaction figures, from the feedback and survey records of
 * {@code org.stdflow.evaluation} (migration V9): complaints by the time they were submitted, with
 * the hours until the section's reply; satisfaction as the share of answers of 4 or 5 over the
 * survey results entered in the period (the same rate the survey process computes), by month.
 */
@Component
public class FeedbackStatistics {

  static final String NO_DATA = "暂无数据";

  static final String COMPLAINT_SQL = """
      SELECT c.submitted_at, c.replied_at, c.closed_at FROM ev_feedback c
      WHERE c.feedback_type = 'COMPLAINT' AND c.submitted_at >= :from AND c.submitted_at < :to""";
  static final String COMPLAINT_SECTION_CONDITION = " AND c.section_id IN (:sections)";

  static final String SURVEY_SQL = """
      SELECT r.entered_at, r.respondents, r.answers, r.satisfied_answers FROM ev_survey_result r
      WHERE r.entered_at >= :from AND r.entered_at < :to""";
  static final String SURVEY_SECTION_CONDITION = " AND r.section_id IN (:sections)";

  /**
   * @param available always true since the records exist (kept for the page and report layout)
   * @param note null
   * @param received complaints received in the period
   * @param closed of those, closed
   * @param meanResponseHours mean hours from receipt to the first answer, of those answered
   */
  public record Complaints(boolean available, String note, Integer received, Integer closed,
      BigDecimal meanResponseHours) {
    static Complaints none() {
      return new Complaints(false, NO_DATA, null, null, null);
    }
  }

  /**
   * @param responses respondents of the survey results entered in the period
   * @param average satisfaction rate (%): answers of 4 or 5 over all answers
   * @param byMonth the satisfaction trend: the rate per month in which results were entered
   */
  public record Satisfaction(boolean available, String note, Integer responses, BigDecimal average,
      List<MonthScore> byMonth) {
    static Satisfaction none() {
      return new Satisfaction(false, NO_DATA, null, null, List.of());
    }
  }

  public record MonthScore(String month, int responses, BigDecimal average) {
  }

  private final JdbcClient jdbc;

  FeedbackStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Complaints complaints(StatisticsFilter f) {
    var query = f.bind(jdbc.sql(COMPLAINT_SQL + (f.sections() == null ? "" : COMPLAINT_SECTION_CONDITION)
            + f.standardCondition("c.standard_id"))
        .param("from", Timestamp.valueOf(f.from().atStartOfDay()))
        .param("to", Timestamp.valueOf(f.to().plusDays(1).atStartOfDay())));
    List<Timestamp[]> rows = query.query((rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2),
        rs.getTimestamp(3)}).list();
    int closed = 0;
    long answered = 0;
    long minutes = 0;
    for (Timestamp[] r : rows) {
      if (r[2] != null) {
        closed++;
      }
      if (r[1] != null) {
        answered++;
        minutes += Duration.between(r[0].toLocalDateTime(), r[1].toLocalDateTime()).toMinutes();
      }
    }
    BigDecimal meanHours = answered == 0 ? null
        : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(answered * 60), 1, RoundingMode.HALF_UP);
    return new Complaints(true, null, rows.size(), closed, meanHours);
  }

  Satisfaction satisfaction(StatisticsFilter f) {
    if (f.nodeCodes() != null) {
      // surveys rate services (食堂、物业 …), not standards: no figure for one node of the standard system
      return new Satisfaction(false, "满意度测评按服务开展，不按标准体系节点统计", null, null, List.of());
    }
    var query = jdbc.sql(SURVEY_SQL + (f.sections() == null ? "" : SURVEY_SECTION_CONDITION))
        .param("from", Timestamp.valueOf(f.from().atStartOfDay()))
        .param("to", Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()));
    if (f.sections() != null) {
      query = query.param("sections", f.sections());
    }
    // month → respondents, answers, satisfied answers
    Map<YearMonth, long[]> months = new TreeMap<>();
    long[] total = new long[3];
    for (Object[] r : query.query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getInt(2), rs.getInt(3),
        rs.getInt(4)}).list()) {
      long[] m = months.computeIfAbsent(YearMonth.from(((Timestamp) r[0]).toLocalDateTime()), k -> new long[3]);
      for (int i = 0; i < 3; i++) {
        m[i] += (Integer) r[i + 1];
        total[i] += (Integer) r[i + 1];
      }
    }
    List<MonthScore> trend = new ArrayList<>();
    months.forEach((month, m) -> trend.add(new MonthScore(month.toString(), (int) m[0], rate(m[2], m[1]))));
    return new Satisfaction(true, null, (int) total[0], rate(total[2], total[1]), trend);
  }

  private static BigDecimal rate(long satisfied, long answers) {
    return answers == 0 ? null
        : BigDecimal.valueOf(satisfied * 100).divide(BigDecimal.valueOf(answers), 1, RoundingMode.HALF_UP);
  }

}
