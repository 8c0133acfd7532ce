package org.stdflow.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the trail: entries of the chain filtered by standard (every run that concerns it, via
 * aud_process_standard, plus entries that name the standard), run, user, section, period and
 * action, in the order things happened.
 */
@Service
public class AuditTrail {

  /** A standard as auditors search for it; {@code statusLabel} as the register names the status. */
  public record StandardRef(long id, String code, String title, String status, String statusLabel, String section,
      String sectionName) {
  }

  /** An entry with what a reader needs besides the stored fields. */
  public record View(long seq, Instant occurredAt, String time, Long standardId, String standardCode,
      String standardTitle, String processInstanceId, String processKey, String activityId, String step, String taskId,
      String actor, String actorName, String section, String sectionName, String action, String actionLabel,
      String subject, String value, String reason, String sha256, String hash) {
  }

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  private static final String QUALIFIED = java.util.Arrays.stream(AuditChain.COLUMNS.split(","))
      .map(c -> "e." + c.strip()).collect(java.util.stream.Collectors.joining(", "));

  private final JdbcClient jdbc;
  private final Directory directory;

  AuditTrail(JdbcClient jdbc, Directory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /** The raw entries (no names resolved): what the benchmark measures. */
  public List<AuditEntry> entries(AuditQuery q) {
    StringBuilder filters = new StringBuilder();
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.processInstanceId() != null) {
      filters.append(" AND e.process_instance_id = :pi");
      params.put("pi", q.processInstanceId());
    }
    if (q.user() != null) {
      filters.append(" AND e.actor = :user");
      params.put("user", q.user());
    }
    if (q.section() != null) {
      filters.append(" AND e.actor_section = :section");
      params.put("section", q.section());
    }
    if (q.from() != null) {
      filters.append(" AND e.occurred_at >= :from");
      params.put("from", AuditChain.utc(q.from().atStartOfDay(ZONE).toInstant()));
    }
    if (q.to() != null) {
      filters.append(" AND e.occurred_at < :to");
      params.put("to", AuditChain.utc(q.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
    }
    if (q.action() != null) {
      filters.append(" AND e.action = :action");
      params.put("action", q.action());
    }
    String sql;
    if (q.standardId() != null) {
      // two index lookups (entries naming the standard; entries of its runs) instead of an OR that
      // PostgreSQL would answer with a scan of the whole table
      params.put("standard", q.standardId());
      sql = "SELECT * FROM (SELECT " + QUALIFIED + " FROM aud_entry e WHERE e.standard_id = :standard" + filters
          + " UNION SELECT " + QUALIFIED + " FROM aud_entry e JOIN aud_process_standard m"
          + " ON m.process_instance_id = e.process_instance_id WHERE m.standard_id = :standard" + filters
          + ") t ORDER BY t.occurred_at, t.seq";
    } else {
      sql = "SELECT " + QUALIFIED + " FROM aud_entry e WHERE 1 = 1" + filters + " ORDER BY e.occurred_at, e.seq";
    }
    sql += " LIMIT " + q.limit() + " OFFSET " + q.offset();
    return jdbc.sql(sql).params(params).query(AuditChain::entry).list();
  }

  /** Entries with names of users, sections, standards and actions. */
  public List<View> search(AuditQuery q) {
    List<AuditEntry> entries = entries(q);
    Map<String, String> users = directory.userNames();
    Map<String, String> groups = directory.groupNames();
    Map<Long, StandardRef> standards = new LinkedHashMap<>();
    List<View> out = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      AuditRecord r = e.record();
      StandardRef s = r.standardId() == null ? null
          : standards.computeIfAbsent(r.standardId(), id -> standard(id).orElse(null));
      out.add(new View(e.seq(), r.occurredAt(), TIME.format(r.occurredAt()), r.standardId(), s == null ? null : s.code(),
          s == null ? null : s.title(), r.processInstanceId(), r.processKey(), r.activityId(), r.stepName(), r.taskId(),
          r.actor(), r.actor() == null ? "系统" : users.getOrDefault(r.actor(), r.actor()), r.actorSection(),
          r.actorSection() == null ? null : groups.getOrDefault(r.actorSection(), r.actorSection()), r.action().name(),
          r.action().label(), r.subject(), r.value(), r.reason(), r.sha256(), e.hash()));
    }
    return out;
  }

  public Optional<StandardRef> standard(long id) {
    Map<String, String> names = directory.groupNames();
    return jdbc.sql("SELECT id, code, title, status, responsible_section FROM std_standard WHERE id = :id")
        .param("id", id).query((rs, n) -> ref(rs, names)).optional();
  }

  public Optional<StandardRef> standardByCode(String code) {
    Map<String, String> names = directory.groupNames();
    return jdbc.sql("SELECT id, code, title, status, responsible_section FROM std_standard WHERE code = :c")
        .param("c", code).query((rs, n) -> ref(rs, names)).optional();
  }

  /** Standards whose code or title contains the text, optionally of one responsible section. */
  public List<StandardRef> findStandards(String text, String section, int limit) {
    StringBuilder sql = new StringBuilder(
        "SELECT id, code, title, status, responsible_section FROM std_standard WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (text != null) {
      sql.append(" AND (LOWER(COALESCE(code, '')) LIKE :t OR LOWER(title) LIKE :t)");
      params.put("t", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
    }
    if (section != null) {
      sql.append(" AND responsible_section = :section");
      params.put("section", section);
    }
    sql.append(" ORDER BY code, id LIMIT ").append(limit);
    Map<String, String> names = directory.groupNames();
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> ref(rs, names)).list();
  }

  /** The process runs that concern a standard, oldest first. */
  public List<String> processesOf(long standardId) {
    return jdbc.sql("""
            SELECT m.process_instance_id FROM aud_process_standard m
              LEFT JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = m.process_instance_id
             WHERE m.standard_id = :s ORDER BY p.START_TIME_, m.recorded_at""")
        .param("s", standardId).query(String.class).list();
  }

  private static StandardRef ref(java.sql.ResultSet rs, Map<String, String> names) throws java.sql.SQLException {
    String section = rs.getString(5);
    String status = rs.getString(4);
    return new StandardRef(rs.getLong(1), rs.getString(2), rs.getString(3), status, statusLabel(status), section,
        names.getOrDefault(section, section));
  }

  private static String statusLabel(String status) {
    try {
      return org.stdflow.standard.StandardStatus.valueOf(status).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return status;
    }
  }
}
