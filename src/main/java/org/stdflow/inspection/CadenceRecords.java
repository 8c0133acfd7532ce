package org.stdflow.inspection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stdflow.inspection.SupervisionFigures.Figures;

/**
 * The records of the three cadences (V6) and the commendations of the quarterly assessment (V5).
 * Written inside the engine transaction of the step that causes them. A record that exists is never
 * overwritten: a second run for the same period leaves the first record standing.
 */
@Repository
class CadenceRecords {

  record WeeklyReport(long id, LocalDate weekStart, LocalDate weekEnd, String sectionId, int inspections, int failed,
      int missed, BigDecimal passRate, int rectOpened, int rectOpen, int rectOverdue, String summary, String problems,
      String nextWeekPlan, String submittedBy, LocalDateTime submittedAt, String processInstanceId) {
  }

  record MonthlyEvaluation(long id, String month, String sectionId, BigDecimal passRate, int inspections, int failed,
      int missed, int rectOpened, int rectClosed, int rectOverdue, int criticisms, Integer complaints,
      BigDecimal satisfaction, int score, String comment, String evaluatedBy, LocalDateTime evaluatedAt,
      String processInstanceId) {
  }

  record QuarterlyAssessment(long id, String quarter, String sectionId, int rank, BigDecimal averageScore,
      int evaluatedMonths, BigDecimal passRate, String outcome, String remarks, String assessedBy,
      LocalDateTime assessedAt, String processInstanceId) {
  }

  record Commendation(long id, String kind, String sectionId, String period, String reason, LocalDateTime recordedAt) {
  }

  private final JdbcClient jdbc;

  CadenceRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ weekly reports

  Set<String> sectionsReported(LocalDate weekStart) {
    return new HashSet<>(jdbc.sql("SELECT section_id FROM insp_weekly_report WHERE week_start = :w")
        .param("w", weekStart).query(String.class).list());
  }

  /** Inserts the report unless the section reported that week already; returns whether it inserted. */
  boolean insertWeeklyReport(CadencePeriods.Week week, String section, Figures f, String summary, String problems,
      String plan, String user, LocalDateTime at, String processInstanceId) {
    if (sectionsReported(week.start()).contains(section)) {
      return false;
    }
    jdbc.sql("""
            INSERT INTO insp_weekly_report (week_start, week_end, section_id, inspections, failed, missed, pass_rate,
              rect_opened, rect_open, rect_overdue, summary, problems, next_week_plan, submitted_by, submitted_at,
              process_instance_id)
            VALUES (:ws, :we, :s, :i, :f, :m, :pr, :ro, :rn, :rd, :sum, :prob, :plan, :u, :at, :pi)""")
        .param("ws", week.start()).param("we", week.end()).param("s", section).param("i", f.inspections())
        .param("f", f.failed()).param("m", f.missed()).param("pr", f.passRate()).param("ro", f.rectOpened())
        .param("rn", f.rectOpen()).param("rd", f.rectOverdue()).param("sum", summary).param("prob", problems)
        .param("plan", plan).param("u", user).param("at", at).param("pi", processInstanceId).update();
    return true;
  }

  List<WeeklyReport> weeklyReports(Collection<String> sections, LocalDate from, LocalDate to) {
    StringBuilder sql = new StringBuilder("SELECT * FROM insp_weekly_report WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    filter(sql, params, "section_id", sections);
    if (from != null) {
      sql.append(" AND week_end >= :from");
      params.put("from", from);
    }
    if (to != null) {
      sql.append(" AND week_start <= :to");
      params.put("to", to);
    }
    sql.append(" ORDER BY week_start DESC, section_id");
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new WeeklyReport(rs.getLong("id"),
        rs.getObject("week_start", LocalDate.class), rs.getObject("week_end", LocalDate.class),
        rs.getString("section_id"), rs.getInt("inspections"), rs.getInt("failed"), rs.getInt("missed"),
        rs.getBigDecimal("pass_rate"), rs.getInt("rect_opened"), rs.getInt("rect_open"), rs.getInt("rect_overdue"),
        rs.getString("summary"), rs.getString("problems"), rs.getString("next_week_plan"),
        rs.getString("submitted_by"), rs.getObject("submitted_at", LocalDateTime.class),
        rs.getString("process_instance_id"))).list();
  }

  // ------------------------------------------------------------------ monthly evaluations

  boolean monthEvaluated(String month) {
    return jdbc.sql("SELECT COUNT(*) FROM insp_monthly_evaluation WHERE period_month = :m").param("m", month)
        .query(Long.class).single() > 0;
  }

  boolean insertMonthlyEvaluation(String month, String section, Figures f, Integer complaints, BigDecimal satisfaction,
      int score, String comment, String user, LocalDateTime at, String processInstanceId) {
    if (jdbc.sql("SELECT COUNT(*) FROM insp_monthly_evaluation WHERE period_month = :m AND section_id = :s")
        .param("m", month).param("s", section).query(Long.class).single() > 0) {
      return false;
    }
    jdbc.sql("""
            INSERT INTO insp_monthly_evaluation (period_month, section_id, pass_rate, inspections, failed, missed,
              rect_opened, rect_closed, rect_overdue, criticisms, complaints, satisfaction, score, evaluation_comment,
              evaluated_by, evaluated_at, process_instance_id)
            VALUES (:m, :s, :pr, :i, :f, :mi, :ro, :rc, :rd, :c, :complaints, :satisfaction, :score, :comment, :u, :at, :pi)""")
        .param("m", month).param("s", section).param("pr", f.passRate()).param("i", f.inspections())
        .param("f", f.failed()).param("mi", f.missed()).param("ro", f.rectOpened()).param("rc", f.rectClosed())
        .param("rd", f.rectOverdue()).param("c", f.criticisms()).param("complaints", complaints)
        .param("satisfaction", satisfaction).param("score", score).param("comment", comment)
        .param("u", user).param("at", at).param("pi", processInstanceId).update();
    return true;
  }

  /** section → the scores of its evaluations in those months. */
  Map<String, List<Integer>> monthlyScores(Collection<String> months) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    jdbc.sql("SELECT section_id, score FROM insp_monthly_evaluation WHERE period_month IN (:m) ORDER BY period_month")
        .param("m", new ArrayList<>(months))
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  List<MonthlyEvaluation> monthlyEvaluations(Collection<String> sections, String month) {
    StringBuilder sql = new StringBuilder("SELECT * FROM insp_monthly_evaluation WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    filter(sql, params, "section_id", sections);
    if (month != null) {
      sql.append(" AND period_month = :month");
      params.put("month", month);
    }
    sql.append(" ORDER BY period_month DESC, section_id");
    return jdbc.sql(sql.toString()).params(params).query(CadenceRecords::monthly).list();
  }

  private static MonthlyEvaluation monthly(ResultSet rs, int n) throws SQLException {
    return new MonthlyEvaluation(rs.getLong("id"), rs.getString("period_month"), rs.getString("section_id"),
        rs.getBigDecimal("pass_rate"), rs.getInt("inspections"), rs.getInt("failed"), rs.getInt("missed"),
        rs.getInt("rect_opened"), rs.getInt("rect_closed"), rs.getInt("rect_overdue"), rs.getInt("criticisms"),
        rs.getObject("complaints", Integer.class), rs.getBigDecimal("satisfaction"), rs.getInt("score"),
        rs.getString("evaluation_comment"), rs.getString("evaluated_by"),
        rs.getObject("evaluated_at", LocalDateTime.class), rs.getString("process_instance_id"));
  }

  // ------------------------------------------------------------------ quarterly assessments

  boolean quarterAssessed(String quarter) {
    return jdbc.sql("SELECT COUNT(*) FROM insp_quarterly_assessment WHERE period_quarter = :q").param("q", quarter)
        .query(Long.class).single() > 0;
  }

  void insertQuarterlyAssessment(String quarter, String section, int rank, BigDecimal average, int months,
      BigDecimal passRate, String outcome, String remarks, String user, LocalDateTime at, String processInstanceId) {
    jdbc.sql("""
            INSERT INTO insp_quarterly_assessment (period_quarter, section_id, rank_no, average_score, evaluated_months,
              pass_rate, outcome, remarks, assessed_by, assessed_at, process_instance_id)
            VALUES (:q, :s, :r, :avg, :months, :pr, :o, :rem, :u, :at, :pi)""")
        .param("q", quarter).param("s", section).param("r", rank).param("avg", average).param("months", months)
        .param("pr", passRate).param("o", outcome).param("rem", remarks).param("u", user).param("at", at)
        .param("pi", processInstanceId).update();
  }

  List<QuarterlyAssessment> quarterlyAssessments(Collection<String> sections, String quarter) {
    StringBuilder sql = new StringBuilder("SELECT * FROM insp_quarterly_assessment WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    filter(sql, params, "section_id", sections);
    if (quarter != null) {
      sql.append(" AND period_quarter = :q");
      params.put("q", quarter);
    }
    sql.append(" ORDER BY period_quarter DESC, rank_no");
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new QuarterlyAssessment(rs.getLong("id"),
        rs.getString("period_quarter"), rs.getString("section_id"), rs.getInt("rank_no"),
        rs.getBigDecimal("average_score"), rs.getInt("evaluated_months"), rs.getBigDecimal("pass_rate"),
        rs.getString("outcome"), rs.getString("remarks"), rs.getString("assessed_by"),
        rs.getObject("assessed_at", LocalDateTime.class), rs.getString("process_instance_id"))).list();
  }

  /** A 表扬 or 通报批评 of the quarterly assessment; returns its id. */
  long insertCommendation(String kind, String section, String quarter, String reason, String user, LocalDateTime at,
      String processInstanceId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO insp_commendation (kind, source, section_id, period, reason, recorded_by, recorded_at,
              process_instance_id)
            VALUES (:k, 'QUARTERLY', :s, :p, :r, :u, :at, :pi)""")
        .param("k", kind).param("s", section).param("p", quarter).param("r", reason).param("u", user)
        .param("at", at).param("pi", processInstanceId).update(keys, "id");
    return keys.getKey().longValue();
  }

  Commendation commendation(long id) {
    return jdbc.sql("SELECT id, kind, section_id, period, reason, recorded_at FROM insp_commendation WHERE id = :id")
        .param("id", id).query((rs, n) -> new Commendation(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class))).single();
  }

  private static void filter(StringBuilder sql, Map<String, Object> params, String column, Collection<String> values) {
    if (values != null) {
      if (values.isEmpty()) {
        sql.append(" AND 1 = 0");
      } else {
        sql.append(" AND ").append(column).append(" IN (:sections)");
        params.put("sections", new ArrayList<>(values));
      }
    }
  }
}
