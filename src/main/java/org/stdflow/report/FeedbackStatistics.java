package org.stdflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Complaints and satisfaction figures (issue #7 parts 1–2, built on another branch). This is the
 * ONE place that knows their tables: until they exist, every figure is null and the label says
 * 暂无数据. To wire the real tables, change the table/column names in the two SQL texts below
 * (and nothing else): each query receives {@code :from}, {@code :to} (timestamps, end exclusive)
 * and, when the caller does not read all sections, {@code :sections}.
 *
 * <ul>
 *   <li>complaints: one row per complaint with the section it is about, when it was received,
 *       when it was first answered and when it was closed (nullable);
 *   <li>satisfaction: one row per survey answer with the section, when it was answered and the
 *       score on a 0–100 scale.
 * </ul>
 */
@Component
public class FeedbackStatistics {

  static final String NO_DATA = "暂无数据";

  /** Table whose presence switches the complaint figures on. */
  static final String COMPLAINT_TABLE = "fb_complaint";
  /** received, answered (first response), closed — in the period by received time. */
  static final String COMPLAINT_SQL = """
      SELECT c.received_at, c.first_response_at, c.closed_at FROM fb_complaint c
      WHERE c.received_at >= :from AND c.received_at < :to""";
  static final String COMPLAINT_SECTION_CONDITION = " AND c.section_id IN (:sections)";

  /** Table whose presence switches the satisfaction figures on. */
  static final String SURVEY_TABLE = "fb_survey_response";
  static final String SURVEY_SQL = """
      SELECT s.answered_at, s.score FROM fb_survey_response s
      WHERE s.answered_at >= :from AND s.answered_at < :to""";
  static final String SURVEY_SECTION_CONDITION = " AND s.section_id IN (:sections)";

  /**
   * @param available whether complaint records exist on this installation
   * @param note 暂无数据 when not available
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
   * @param average mean score (0–100) in the period
   * @param byMonth the satisfaction trend: mean score per month with answers
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
  private final DataSource dataSource;

  FeedbackStatistics(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  Complaints complaints(StatisticsFilter f) {
    if (!tableExists(COMPLAINT_TABLE)) {
      return Complaints.none();
    }
    var query = jdbc.sql(COMPLAINT_SQL + (f.sections() == null ? "" : COMPLAINT_SECTION_CONDITION))
        .param("from", Timestamp.valueOf(f.from().atStartOfDay()))
        .param("to", Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()));
    if (f.sections() != null) {
      query = query.param("sections", f.sections());
    }
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
    if (!tableExists(SURVEY_TABLE)) {
      return Satisfaction.none();
    }
    var query = jdbc.sql(SURVEY_SQL + (f.sections() == null ? "" : SURVEY_SECTION_CONDITION))
        .param("from", Timestamp.valueOf(f.from().atStartOfDay()))
        .param("to", Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()));
    if (f.sections() != null) {
      query = query.param("sections", f.sections());
    }
    Map<YearMonth, long[]> months = new TreeMap<>();
    long total = 0;
    long count = 0;
    for (Object[] r : query.query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getBigDecimal(2)}).list()) {
      if (r[1] == null) {
        continue;
      }
      long score = ((BigDecimal) r[1]).movePointRight(2).longValue();  // hundredths
      long[] m = months.computeIfAbsent(YearMonth.from(((Timestamp) r[0]).toLocalDateTime()), k -> new long[2]);
      m[0]++;
      m[1] += score;
      count++;
      total += score;
    }
    List<MonthScore> trend = new ArrayList<>();
    months.forEach((month, m) -> trend.add(new MonthScore(month.toString(), (int) m[0], mean(m[1], m[0]))));
    return new Satisfaction(true, null, (int) count, count == 0 ? null : mean(total, count), trend);
  }

  private static BigDecimal mean(long hundredths, long n) {
    return BigDecimal.valueOf(hundredths).divide(BigDecimal.valueOf(n * 100), 1, RoundingMode.HALF_UP);
  }

  /** Whether the table exists (H2 keeps unquoted names upper case, PostgreSQL lower case). */
  boolean tableExists(String table) {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's table list", e);
    }
  }
}
