package org.stdflow.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supervision figures of one section over a period, from the records of the daily inspection
 * and rectification processes (V5). Shared by the three cadences so that a week, a month and a
 * quarter count alike.
 *
 * <ul>
 *   <li>inspections: done (PASSED + FAILED) with an inspection date in the period; failed, missed likewise;
 *   <li>pass rate: PASSED / (PASSED + FAILED + MISSED) in per cent, one decimal; null when nothing was due;
 *   <li>rectifications opened / closed in the period;
 *   <li>open at the end of the period (or now, if earlier); overdue: open then, with a round whose
 *       deadline had passed and that had not been re-inspected by then;
 *   <li>criticisms: 通报批评 recorded for the section in the period.
 * </ul>
 */
@Component
class SupervisionFigures {

  record Figures(int inspections, int passed, int failed, int missed, BigDecimal passRate, int rectOpened,
      int rectClosed, int rectOpen, int rectOverdue, int criticisms) {

    String passRateText() {
      return passRateText(passRate);
    }

    static String passRateText(BigDecimal rate) {
      return rate == null ? "暂无应检记录" : rate.stripTrailingZeros().toPlainString() + "%";
    }
  }

  private final JdbcClient jdbc;

  SupervisionFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Figures for the days {@code from} to {@code to} (inclusive), open/overdue counted at {@code asOf}. */
  Figures of(String section, LocalDate from, LocalDate to, LocalDateTime asOf) {
    Map<String, Integer> byStatus = jdbc.sql("""
            SELECT status, COUNT(*) AS n FROM insp_inspection
            WHERE section_id = :s AND inspection_date BETWEEN :from AND :to GROUP BY status""")
        .param("s", section).param("from", from).param("to", to)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    int passed = byStatus.getOrDefault("PASSED", 0);
    int failed = byStatus.getOrDefault("FAILED", 0);
    int missed = byStatus.getOrDefault("MISSED", 0);
    int due = passed + failed + missed;
    BigDecimal passRate = due == 0 ? null
        : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(due), 1, RoundingMode.HALF_UP);

    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    int opened = count("SELECT COUNT(*) FROM insp_rectification WHERE section_id = :s AND opened_at >= :a AND opened_at < :b",
        section, start, end);
    int closed = count("SELECT COUNT(*) FROM insp_rectification WHERE section_id = :s AND closed_at >= :a AND closed_at < :b",
        section, start, end);
    LocalDateTime at = asOf.isBefore(end) ? asOf : end;
    String openAt = "FROM insp_rectification x WHERE x.section_id = :s AND x.opened_at < :a"
        + " AND (x.closed_at IS NULL OR x.closed_at >= :a)";
    int open = count("SELECT COUNT(*) " + openAt, section, at, at);
    int overdue = count("SELECT COUNT(*) " + openAt + """
         AND EXISTS (SELECT 1 FROM insp_rectification_round r WHERE r.rectification_id = x.id
           AND r.started_at < :a AND r.deadline < :a AND (r.reinspected_at IS NULL OR r.reinspected_at >= :b))""",
        section, at, at);
    int criticisms = count("""
            SELECT COUNT(*) FROM insp_commendation WHERE section_id = :s AND kind = 'CRITICISM'
            AND recorded_at >= :a AND recorded_at < :b""", section, start, end);
    return new Figures(passed + failed, passed, failed, missed, passRate, opened, closed, open, overdue, criticisms);
  }

  private int count(String sql, String section, LocalDateTime a, LocalDateTime b) {
    return jdbc.sql(sql).param("s", section).param("a", a).param("b", b).query(Integer.class).single();
  }
}
