package org.stdflow.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the monthly evaluation shows of evaluation (issue #7): the complaints a section was given to
 * answer in the month, and the satisfaction rate of the surveys of its services in the month's
 * quarter (the mean over its services; null before the quarter's surveys are entered).
 */
@Component
class EvaluationFigures {

  private final JdbcClient jdbc;

  EvaluationFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int complaints(String sectionId, YearMonth month) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM ev_feedback
             WHERE feedback_type = 'COMPLAINT' AND section_id = :s AND submitted_at >= :from AND submitted_at < :to""")
        // the same day boundaries as SupervisionFigures, so the figures of one form agree
        .param("s", sectionId).param("from", month.atDay(1).atStartOfDay())
        .param("to", month.plusMonths(1).atDay(1).atStartOfDay())
        .query(Integer.class).single();
  }

  /** Mean satisfaction rate (%) of the section's surveys in the quarter of {@code month}, or null. */
  BigDecimal satisfaction(String sectionId, YearMonth month) {
    String quarter = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    BigDecimal mean = jdbc.sql("SELECT AVG(satisfaction_rate) FROM ev_survey_result WHERE section_id = :s AND quarter = :q")
        .param("s", sectionId).param("q", quarter).query(BigDecimal.class).optional().orElse(null);
    return mean == null ? null : mean.setScale(1, RoundingMode.HALF_UP);
  }
}
