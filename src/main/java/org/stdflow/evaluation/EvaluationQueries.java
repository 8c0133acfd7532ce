package org.stdflow.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stdflow.standard.StandardLabels;

/** Read side of the evaluation records: feedback and survey results as the REST API shows them. */
@Repository
class EvaluationQueries {

  static final Map<String, String> FEEDBACK_STATUS = Map.of("SUBMITTED", "待分办", "REJECTED", "不予受理",
      "ASSIGNED", "办理中", "REPLIED", "已答复待评价", "RATED", "已评价办结", "UNRATED", "未评价办结");

  /**
   * @param sections sections whose assigned feedback is visible (null: every section)
   * @param submitter when set, the user's own submissions are visible too (with sections) or only them
   */
  record FeedbackFilter(String type, String status, String section, List<String> sections, String submitter,
      LocalDate from, LocalDate to) {
  }

  private static final String FEEDBACK_SELECT = """
      SELECT f.*, s.code AS standard_code, s.title AS standard_title
        FROM ev_feedback f LEFT JOIN std_standard s ON s.id = f.standard_id
       WHERE 1 = 1""";

  private final JdbcClient jdbc;
  private final StandardLabels labels;
  private final ZoneId zone;

  EvaluationQueries(JdbcClient jdbc, StandardLabels labels, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.labels = labels;
    this.zone = clock.getZone();
  }

  List<Map<String, Object>> feedback(FeedbackFilter f) {
    StringBuilder sql = new StringBuilder(FEEDBACK_SELECT);
    Map<String, Object> params = new HashMap<>();
    if (f.type() != null) {
      sql.append(" AND f.feedback_type = :type");
      params.put("type", f.type());
    }
    if (f.status() != null) {
      sql.append(" AND f.status = :status");
      params.put("status", f.status());
    }
    if (f.section() != null) {
      sql.append(" AND f.section_id = :section");
      params.put("section", f.section());
    }
    if (f.sections() != null || f.submitter() != null) {
      // visible: assigned to one of the user's sections, or submitted by the user
      sql.append(" AND (");
      if (f.sections() != null && !f.sections().isEmpty()) {
        sql.append("f.section_id IN (:sections) OR ");
        params.put("sections", f.sections());
      }
      sql.append("f.submitter = :submitter)");
      params.put("submitter", f.submitter());
    }
    if (f.from() != null) {
      sql.append(" AND f.submitted_at >= :from");
      params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
    }
    if (f.to() != null) {
      sql.append(" AND f.submitted_at < :to");
      params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return jdbc.sql(sql + " ORDER BY f.submitted_at DESC, f.id DESC FETCH FIRST 1000 ROWS ONLY").params(params)
        .query((rs, n) -> feedback(rs)).list();
  }

  Optional<Map<String, Object>> feedback(long id) {
    return jdbc.sql(FEEDBACK_SELECT + " AND f.id = :id").param("id", id).query((rs, n) -> feedback(rs)).optional();
  }

  private Map<String, Object> feedback(ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    long id = rs.getLong("id");
    m.put("id", id);
    m.put("number", RegisterFeedbackDelegate.businessKey(id));
    m.put("type", rs.getString("feedback_type"));
    m.put("typeLabel", FeedbackProcess.TYPES.get(rs.getString("feedback_type")));
    m.put("status", rs.getString("status"));
    m.put("statusLabel", FEEDBACK_STATUS.get(rs.getString("status")));
    m.put("standardId", rs.getObject("standard_id", Long.class));
    m.put("standardCode", rs.getString("standard_code"));
    m.put("standardTitle", rs.getString("standard_title"));
    m.put("section", rs.getString("section_id"));
    m.put("sectionName", rs.getString("section_id") == null ? null : labels.groupName(rs.getString("section_id")));
    m.put("submitter", rs.getString("submitter"));
    m.put("submitterName", labels.userName(rs.getString("submitter")));
    m.put("contact", rs.getString("contact"));
    m.put("description", rs.getString("description"));
    m.put("submittedAt", instant(rs, "submitted_at"));
    m.put("triagedAt", instant(rs, "triaged_at"));
    m.put("triagedBy", rs.getString("triaged_by"));
    m.put("rejectReason", rs.getString("reject_reason"));
    m.put("replyDue", instant(rs, "reply_due"));
    m.put("remindedAt", instant(rs, "reminded_at"));
    m.put("escalatedAt", instant(rs, "escalated_at"));
    m.put("reply", rs.getString("reply"));
    m.put("repliedBy", rs.getString("replied_by"));
    m.put("repliedAt", instant(rs, "replied_at"));
    m.put("substantiated", rs.getObject("substantiated", Boolean.class));
    m.put("rectificationId", rs.getObject("rectification_id", Long.class));
    m.put("reviewOutcome", rs.getString("review_outcome"));
    m.put("rating", rs.getObject("rating", Integer.class));
    m.put("ratingComment", rs.getString("rating_comment"));
    m.put("ratedAt", instant(rs, "rated_at"));
    m.put("closedAt", instant(rs, "closed_at"));
    m.put("processInstanceId", rs.getString("process_instance_id"));
    return m;
  }

  boolean surveyServiceExists(String service) {
    return jdbc.sql("SELECT COUNT(*) FROM ev_survey WHERE service = :s").param("s", service).query(Integer.class)
        .single() > 0;
  }

  /** Survey results, newest quarter first, each with its questions' counts and rates. */
  List<Map<String, Object>> surveyResults(String quarter, String service, List<String> sections) {
    StringBuilder sql = new StringBuilder("""
        SELECT r.*, s.service, s.name FROM ev_survey_result r JOIN ev_survey s ON s.id = r.survey_id WHERE 1 = 1""");
    Map<String, Object> params = new HashMap<>();
    if (quarter != null) {
      sql.append(" AND r.quarter = :q");
      params.put("q", quarter);
    }
    if (service != null) {
      sql.append(" AND s.service = :service");
      params.put("service", service);
    }
    if (sections != null) {
      sql.append(" AND r.section_id IN (:sections)");
      params.put("sections", sections);
    }
    List<Map<String, Object>> results = jdbc.sql(sql + " ORDER BY r.quarter DESC, s.id FETCH FIRST 1000 ROWS ONLY")
        .params(params).query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong("id"));
          m.put("quarter", rs.getString("quarter"));
          m.put("service", rs.getString("service"));
          m.put("serviceName", rs.getString("name"));
          m.put("section", rs.getString("section_id"));
          m.put("sectionName", labels.groupName(rs.getString("section_id")));
          m.put("respondents", rs.getInt("respondents"));
          m.put("answers", rs.getInt("answers"));
          m.put("satisfiedAnswers", rs.getInt("satisfied_answers"));
          m.put("satisfactionRate", rs.getBigDecimal("satisfaction_rate"));
          m.put("threshold", rs.getBigDecimal("threshold"));
          m.put("belowThreshold", rs.getBoolean("below_threshold"));
          m.put("rectificationId", rs.getObject("rectification_id", Long.class));
          m.put("enteredBy", rs.getString("entered_by"));
          m.put("enteredAt", instant(rs, "entered_at"));
          m.put("note", rs.getString("note"));
          return m;
        }).list();
    for (Map<String, Object> r : results) {
      r.put("questions", jdbc.sql("""
              SELECT sort_order, question, count_1, count_2, count_3, count_4, count_5 FROM ev_survey_answer
               WHERE result_id = :r ORDER BY sort_order""").param("r", r.get("id"))
          .query((rs, n) -> {
            SurveyRecords.QuestionCounts q = new SurveyRecords.QuestionCounts(rs.getInt(1), rs.getString(2),
                new int[] {rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)});
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("no", q.sortOrder());
            m.put("question", q.question());
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int p = 1; p <= 5; p++) {
              counts.put(String.valueOf(p), q.counts()[p - 1]);
            }
            m.put("counts", counts);
            m.put("answers", q.total());
            m.put("satisfiedAnswers", q.satisfied());
            m.put("satisfactionRate", q.rate());
            return m;
          }).list());
    }
    return results;
  }

  /** The survey definitions with their questions. */
  List<Map<String, Object>> surveyDefinitions() {
    return jdbc.sql("SELECT id, service, name, section_id, active FROM ev_survey ORDER BY id").query((rs, n) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", rs.getLong(1));
      m.put("service", rs.getString(2));
      m.put("name", rs.getString(3));
      m.put("section", rs.getString(4));
      m.put("sectionName", labels.groupName(rs.getString(4)));
      m.put("active", rs.getBoolean(5));
      return m;
    }).list().stream().peek(m -> m.put("questions", jdbc.sql(
        "SELECT text FROM ev_survey_question WHERE survey_id = :s ORDER BY sort_order").param("s", m.get("id"))
        .query(String.class).list())).toList();
  }

  private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
