package org.stdflow.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stdflow.standard.StandardLabels;

/** Read models of the supervision records for the REST API (Chinese labels next to the codes). */
@Repository
class SupervisionQueries {

  /** sections: null = every section. Dates are inclusive days. */
  record Filter(Long standardId, List<String> sections, String status, LocalDate from, LocalDate to) {
  }

  private final JdbcClient jdbc;
  private final StandardLabels labels;
  private final java.time.ZoneId zone;

  SupervisionQueries(JdbcClient jdbc, StandardLabels labels, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.labels = labels;
    this.zone = clock.getZone();
  }

  List<Map<String, Object>> inspections(Filter f) {
    StringBuilder sql = new StringBuilder("""
        SELECT x.id, x.inspection_date, x.standard_id, COALESCE(v.code, s.code) AS code, s.title, x.place_code,
               pl.name AS place_name, x.section_id, x.status, x.pass_rate, x.critical_failures, x.severity,
               x.rectification_days, x.inspector, x.note, x.completed_at, x.process_instance_id
          FROM insp_inspection x JOIN std_standard s ON s.id = x.standard_id
          JOIN std_version v ON v.id = x.version_id JOIN insp_place pl ON pl.code = x.place_code
         WHERE 1 = 1""");
    where(sql, f, "x.standard_id", "x.section_id", "x.status", "x.inspection_date", false);
    return jdbc.sql(sql + " ORDER BY x.inspection_date DESC, x.id DESC FETCH FIRST 1000 ROWS ONLY")
        .params(params(f, false)).query((rs, n) -> inspection(rs)).list();
  }

  Optional<Map<String, Object>> inspection(long id) {
    return jdbc.sql("""
            SELECT x.id, x.inspection_date, x.standard_id, COALESCE(v.code, s.code) AS code, s.title, x.place_code,
                   pl.name AS place_name, x.section_id, x.status, x.pass_rate, x.critical_failures, x.severity,
                   x.rectification_days, x.inspector, x.note, x.completed_at, x.process_instance_id
              FROM insp_inspection x JOIN std_standard s ON s.id = x.standard_id
              JOIN std_version v ON v.id = x.version_id JOIN insp_place pl ON pl.code = x.place_code
             WHERE x.id = :id""")
        .param("id", id).query((rs, n) -> inspection(rs)).optional()
        .map(m -> {
          m.put("items", jdbc.sql("""
                  SELECT sort_order, clause_ref, requirement, weight, critical, result, note FROM insp_item_result
                   WHERE inspection_id = :id ORDER BY sort_order""").param("id", id)
              .query((rs, n) -> {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("no", rs.getInt(1));
                i.put("clauseRef", rs.getString(2));
                i.put("requirement", rs.getString(3));
                i.put("weight", rs.getInt(4));
                i.put("critical", rs.getBoolean(5));
                i.put("result", rs.getString(6));
                i.put("resultLabel", InspectionLabels.RESULTS.getOrDefault(rs.getString(6), rs.getString(6)));
                i.put("note", rs.getString(7));
                return i;
              }).list());
          return m;
        });
  }

  private Map<String, Object> inspection(ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rs.getLong("id"));
    m.put("date", rs.getObject("inspection_date", LocalDate.class));
    m.put("standardId", rs.getLong("standard_id"));
    m.put("standardCode", rs.getString("code"));
    m.put("standardTitle", rs.getString("title"));
    m.put("place", rs.getString("place_code"));
    m.put("placeName", rs.getString("place_name"));
    m.put("section", rs.getString("section_id"));
    m.put("sectionName", labels.groupName(rs.getString("section_id")));
    m.put("status", rs.getString("status"));
    m.put("statusLabel", InspectionLabels.INSPECTION_STATUSES.getOrDefault(rs.getString("status"), rs.getString("status")));
    m.put("passRate", rs.getBigDecimal("pass_rate"));
    m.put("criticalFailures", rs.getObject("critical_failures"));
    m.put("severity", rs.getString("severity"));
    m.put("severityLabel", rs.getString("severity") == null ? null : InspectionLabels.severity(rs.getString("severity")));
    m.put("rectificationDays", rs.getObject("rectification_days"));
    m.put("inspector", rs.getString("inspector"));
    m.put("inspectorName", rs.getString("inspector") == null ? null : labels.userName(rs.getString("inspector")));
    m.put("note", rs.getString("note"));
    m.put("completedAt", rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant());
    m.put("processInstanceId", rs.getString("process_instance_id"));
    return m;
  }

  List<Map<String, Object>> rectifications(Filter f) {
    StringBuilder sql = new StringBuilder(RECTIFICATION_SELECT + " WHERE 1 = 1");
    where(sql, f, "r.standard_id", "r.section_id", "r.status", "r.opened_at", true);
    return jdbc.sql(sql + " ORDER BY r.opened_at DESC, r.id DESC FETCH FIRST 1000 ROWS ONLY").params(params(f, true))
        .query((rs, n) -> rectification(rs)).list();
  }

  private static final String RECTIFICATION_SELECT = """
      SELECT r.id, r.inspection_id, r.standard_id, COALESCE(v.code, s.code) AS code, s.title, r.section_id, r.status,
             r.current_round, r.opened_at, r.closed_at, r.effectiveness_note, r.review_requested, r.process_instance_id,
             COALESCE(pl.name, r.subject) AS place_name, d.deadline, d.severity, r.source, r.source_ref
        FROM insp_rectification r LEFT JOIN std_standard s ON s.id = r.standard_id
        LEFT JOIN insp_inspection x ON x.id = r.inspection_id LEFT JOIN std_version v ON v.id = x.version_id
        LEFT JOIN insp_place pl ON pl.code = x.place_code
        LEFT JOIN insp_rectification_round d ON d.rectification_id = r.id AND d.round_no = r.current_round""";

  Optional<Map<String, Object>> rectification(long id) {
    return jdbc.sql(RECTIFICATION_SELECT + " WHERE r.id = :id").param("id", id).query((rs, n) -> rectification(rs))
        .optional().map(m -> {
          m.put("findings", jdbc.sql("""
                  SELECT sort_order, clause_ref, requirement, critical, note, status, resolved_round, last_check_note
                    FROM insp_finding WHERE rectification_id = :id ORDER BY sort_order""").param("id", id)
              .query((rs, n) -> {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("no", rs.getInt(1));
                i.put("clauseRef", rs.getString(2));
                i.put("requirement", rs.getString(3));
                i.put("critical", rs.getBoolean(4));
                i.put("note", rs.getString(5));
                i.put("status", rs.getString(6));
                i.put("statusLabel", "RESOLVED".equals(rs.getString(6)) ? "已整改" : "未整改");
                i.put("resolvedRound", rs.getObject(7));
                i.put("lastCheckNote", rs.getString(8));
                return i;
              }).list());
          m.put("rounds", jdbc.sql("""
                  SELECT round_no, severity, deadline, started_at, measures, reported_by, reported_at, reinspected_by,
                         reinspected_at, result, reinspection_note, reminded_at, escalated_at
                    FROM insp_rectification_round WHERE rectification_id = :id ORDER BY round_no""").param("id", id)
              .query((rs, n) -> {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("round", rs.getInt(1));
                i.put("severity", rs.getString(2));
                i.put("severityLabel", InspectionLabels.severity(rs.getString(2)));
                i.put("deadline", rs.getTimestamp(3).toInstant());
                i.put("startedAt", rs.getTimestamp(4).toInstant());
                i.put("measures", rs.getString(5));
                i.put("reportedBy", rs.getString(6));
                i.put("reportedAt", rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
                i.put("reinspectedBy", rs.getString(8));
                i.put("reinspectedAt", rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
                i.put("result", rs.getString(10));
                i.put("reinspectionNote", rs.getString(11));
                i.put("remindedAt", rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());
                i.put("escalatedAt", rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());
                return i;
              }).list());
          return m;
        });
  }

  private Map<String, Object> rectification(ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rs.getLong("id"));
    m.put("inspectionId", rs.getObject("inspection_id"));
    m.put("source", rs.getString("source"));
    m.put("sourceLabel", switch (rs.getString("source")) {
      case "COMPLAINT" -> "投诉";
      case "SURVEY" -> "满意度测评";
      default -> "监督检查";
    });
    m.put("sourceRef", rs.getString("source_ref"));
    m.put("standardId", rs.getObject("standard_id"));
    m.put("standardCode", rs.getString("code"));
    m.put("standardTitle", rs.getString("title"));
    m.put("placeName", rs.getString("place_name"));
    m.put("section", rs.getString("section_id"));
    m.put("sectionName", labels.groupName(rs.getString("section_id")));
    m.put("status", rs.getString("status"));
    m.put("statusLabel", "CLOSED".equals(rs.getString("status")) ? "已完成" : "整改中");
    m.put("currentRound", rs.getInt("current_round"));
    m.put("severity", rs.getString("severity"));
    m.put("severityLabel", rs.getString("severity") == null ? null : InspectionLabels.severity(rs.getString("severity")));
    m.put("deadline", rs.getTimestamp("deadline") == null ? null : rs.getTimestamp("deadline").toInstant());
    m.put("openedAt", rs.getTimestamp("opened_at").toInstant());
    m.put("closedAt", rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
    m.put("effectivenessNote", rs.getString("effectiveness_note"));
    m.put("reviewRequested", rs.getBoolean("review_requested"));
    m.put("processInstanceId", rs.getString("process_instance_id"));
    return m;
  }

  List<Map<String, Object>> commendations(Filter f) {
    StringBuilder sql = new StringBuilder("""
        SELECT c.id, c.kind, c.source, c.section_id, c.standard_id, s.title, c.rectification_id, c.period, c.reason,
               c.recorded_by, c.recorded_at
          FROM insp_commendation c LEFT JOIN std_standard s ON s.id = c.standard_id WHERE 1 = 1""");
    where(sql, f, "c.standard_id", "c.section_id", "c.kind", "c.recorded_at", true);
    return jdbc.sql(sql + " ORDER BY c.recorded_at DESC, c.id DESC FETCH FIRST 1000 ROWS ONLY").params(params(f, true))
        .query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong(1));
          m.put("kind", rs.getString(2));
          m.put("kindLabel", "PRAISE".equals(rs.getString(2)) ? "表扬" : "通报批评");
          m.put("source", rs.getString(3));
          m.put("sourceLabel", "QUARTERLY".equals(rs.getString(3)) ? "季度考核" : "整改复查");
          m.put("section", rs.getString(4));
          m.put("sectionName", labels.groupName(rs.getString(4)));
          m.put("standardId", rs.getObject(5));
          m.put("standardTitle", rs.getString(6));
          m.put("rectificationId", rs.getObject(7));
          m.put("period", rs.getString(8));
          m.put("reason", rs.getString(9));
          m.put("recordedBy", rs.getString(10));
          m.put("recordedByName", labels.userName(rs.getString(10)));
          m.put("recordedAt", rs.getTimestamp(11).toInstant());
          return m;
        }).list();
  }

  /** Appends the filter's conditions (named parameters, no value in the SQL text). */
  private static void where(StringBuilder sql, Filter f, String standard, String section,
      String status, String day, boolean timestamp) {
    if (f.standardId() != null) {
      sql.append(" AND ").append(standard).append(" = :standardId");
    }
    if (f.sections() != null) {
      sql.append(" AND ").append(section).append(" IN (:sections)");
    }
    if (f.status() != null) {
      sql.append(" AND ").append(status).append(" = :status");
    }
    if (f.from() != null) {
      sql.append(" AND ").append(day).append(" >= :from");
      // a timestamp column: the bureau's day, whatever the server's time zone
    }
    if (f.to() != null) {
      sql.append(" AND ").append(day).append(timestamp ? " < :to" : " <= :to");
    }
  }

  private Map<String, Object> params(Filter f, boolean timestamp) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (f.standardId() != null) {
      p.put("standardId", f.standardId());
    }
    if (f.sections() != null) {
      p.put("sections", f.sections());
    }
    if (f.status() != null) {
      p.put("status", f.status());
    }
    if (f.from() != null) {
      p.put("from", timestamp ? java.sql.Timestamp.from(f.from().atStartOfDay(zone).toInstant()) : f.from());
    }
    if (f.to() != null) {
      p.put("to", timestamp ? java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()) : f.to());
    }
    return p;
  }
}
