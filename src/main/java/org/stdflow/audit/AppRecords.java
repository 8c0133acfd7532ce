package org.stdflow.audit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentKind;

/**
 * The app's own records (documents with their SHA-256, versions, comments and their handling,
 * notices, trainings, reviews, mails, supervision records) as audit entries. They are written by
 * delegates inside engine transactions; at commit the records of the process runs and standards
 * that the transaction touched and that the chain does not hold yet are appended (under the chain
 * lock, so each record is chained once). A record whose state matters (a rectification round
 * reported, re-inspected) carries its state in its source key and is chained once per state.
 * Tables that do not exist (a capability not installed yet) are skipped.
 */
@Component
class AppRecords {

  /** One table: its select (columns as below) with {@code %s} for the condition, and what it filters on. */
  private record Source(String table, String sql, String piColumn, String standardColumn, String taskColumn,
      String timeColumn) {
  }

  private static final String COLS = """
      source_key, occurred_at, standard_id, process_instance_id, task_id, activity_id, step_name, actor, action,
      subject, value_text, reason, sha256""";

  private static final List<Source> SOURCES = List.of(
      new Source("std_document", """
          SELECT 'std_document:' || CAST(d.id AS VARCHAR(20)), d.uploaded_at, d.standard_id, d.process_instance_id,
                 d.task_id, d.activity_id, t.NAME_, d.uploaded_by, 'DOCUMENT_UPLOADED', d.kind, d.file_name,
                 CAST(NULL AS VARCHAR(10)), d.sha256
            FROM std_document d LEFT JOIN ACT_HI_TASKINST t ON t.ID_ = d.task_id WHERE %s""",
          "d.process_instance_id", "d.standard_id", null, "d.uploaded_at"),
      new Source("std_version", """
          SELECT 'std_version:' || CAST(v.id AS VARCHAR(20)), v.published_at, v.standard_id, v.process_instance_id,
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), v.approved_by,
                 'VERSION_PUBLISHED', v.code, '第 ' || CAST(v.version_no AS VARCHAR(10)) || ' 版，实施日期 '
                 || CAST(v.effective_date AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10))
            FROM std_version v WHERE %s""",
          "v.process_instance_id", "v.standard_id", null, "v.published_at"),
      new Source("std_comment", """
          SELECT 'std_comment:' || CAST(c.id AS VARCHAR(20)), c.created_at, c.standard_id, c.process_instance_id,
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), '征求意见', c.author, 'COMMENT', c.section,
                 CASE WHEN c.no_comment THEN '无意见' ELSE c.comment_text END, CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10))
            FROM std_comment c WHERE %s""",
          "c.process_instance_id", "c.standard_id", null, "c.created_at"),
      new Source("std_comment", """
          SELECT 'std_comment:' || CAST(c.id AS VARCHAR(20)) || ':decided', c.decided_at, c.standard_id,
                 c.process_instance_id, CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), '处理意见', c.decided_by,
                 'DECISION', 'commentDecision:' || c.section, c.decision, c.reason, CAST(NULL AS VARCHAR(10))
            FROM std_comment c WHERE c.decision IS NOT NULL AND c.decided_at IS NOT NULL AND (%s)""",
          "c.process_instance_id", "c.standard_id", null, "c.decided_at"),
      new Source("std_notice", """
          SELECT 'std_notice:' || CAST(n.id AS VARCHAR(20)), n.created_at, n.standard_id, CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), n.created_by,
                 'NOTICE', n.kind, n.message, CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10))
            FROM std_notice n WHERE %s""",
          null, "n.standard_id", null, "n.created_at"),
      new Source("std_training", """
          SELECT 'std_training:' || CAST(t.id AS VARCHAR(20)), t.recorded_at, t.standard_id, CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), t.recorded_by,
                 'TRAINING', CAST(t.training_date AS VARCHAR(10)), t.attendees, CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10))
            FROM std_training t WHERE %s""",
          null, "t.standard_id", null, "t.recorded_at"),
      new Source("std_review", """
          SELECT 'std_review:' || CAST(r.id AS VARCHAR(20)), r.reviewed_at, r.standard_id, CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), r.reviewed_by,
                 'REVIEW', r.review_trigger, r.outcome, r.reason, CAST(NULL AS VARCHAR(10))
            FROM std_review r WHERE %s""",
          null, "r.standard_id", null, "r.reviewed_at"),
      new Source("ntf_notification", """
          SELECT 'ntf_notification:' || CAST(m.id AS VARCHAR(20)), m.created_at, CAST(NULL AS BIGINT),
                 ht.PROC_INST_ID_, m.task_id, CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10)), 'MAIL_QUEUED', m.recipient_user, m.subject, CAST(NULL AS VARCHAR(10)),
                 CAST(NULL AS VARCHAR(10))
            FROM ntf_notification m LEFT JOIN ACT_HI_TASKINST ht ON ht.ID_ = m.task_id WHERE %s""",
          null, null, "m.task_id", "m.created_at"),
      new Source("insp_inspection", """
          SELECT 'insp_inspection:' || CAST(i.id AS VARCHAR(20)) || ':' || i.status, COALESCE(i.completed_at, i.created_at),
                 i.standard_id, i.process_instance_id, CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), '日常检查',
                 i.inspector, 'SUPERVISION', 'inspection:' || i.place_code, i.status, i.note, CAST(NULL AS VARCHAR(10))
            FROM insp_inspection i WHERE %s""",
          "i.process_instance_id", "i.standard_id", null, "COALESCE(i.completed_at, i.created_at)"),
      new Source("insp_rectification", """
          SELECT 'insp_rectification:' || CAST(r.id AS VARCHAR(20)) || ':' || r.status, COALESCE(r.closed_at, r.opened_at),
                 r.standard_id, r.process_instance_id, CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), '整改',
                 CAST(NULL AS VARCHAR(10)), 'SUPERVISION', 'rectification:' || r.section_id, r.status,
                 r.effectiveness_note, CAST(NULL AS VARCHAR(10))
            FROM insp_rectification r WHERE %s""",
          "r.process_instance_id", "r.standard_id", null, "COALESCE(r.closed_at, r.opened_at)"),
      new Source("insp_rectification_round", """
          SELECT 'insp_rectification_round:' || CAST(x.id AS VARCHAR(20)) || ':' || COALESCE(x.result, '')
                 || ':' || CASE WHEN x.reported_at IS NULL THEN '0' ELSE '1' END,
                 COALESCE(x.reinspected_at, x.reported_at, x.started_at), r.standard_id, r.process_instance_id,
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), '整改轮次',
                 COALESCE(x.reinspected_by, x.reported_by), 'SUPERVISION',
                 'round:' || CAST(x.round_no AS VARCHAR(10)),
                 COALESCE(x.result, CASE WHEN x.reported_at IS NULL THEN 'OPEN' ELSE 'REPORTED' END),
                 COALESCE(x.reinspection_note, x.measures), CAST(NULL AS VARCHAR(10))
            FROM insp_rectification_round x JOIN insp_rectification r ON r.id = x.rectification_id WHERE %s""",
          "r.process_instance_id", "r.standard_id", null, "COALESCE(x.reinspected_at, x.reported_at, x.started_at)"),
      new Source("insp_commendation", """
          SELECT 'insp_commendation:' || CAST(c.id AS VARCHAR(20)), c.recorded_at, c.standard_id, c.process_instance_id,
                 CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), CAST(NULL AS VARCHAR(10)), c.recorded_by,
                 'SUPERVISION', c.kind, c.section_id, c.reason, CAST(NULL AS VARCHAR(10))
            FROM insp_commendation c WHERE %s""",
          "c.process_instance_id", "c.standard_id", null, "c.recorded_at"));

  private final DataSource dataSource;
  private volatile Set<String> existing;

  AppRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The records of these runs, standards and tasks, chained or not: read before the chain lock is
   * taken, so the dozen source queries never hold up other transactions' appends. Whether each is
   * chained already is decided under the lock by {@link #fresh}. A record committed by another
   * transaction between this read and the lock is that transaction's to chain (or the sweep's).
   *
   * <p>A run's and a task's records are read whole (a run is bounded); a standard's only from
   * {@code since} on. A standard collects records for as long as it is in force — an inspection a
   * day for years — and reading them all at every commit that touches it (and checking each against
   * the chain under the chain lock) grew without bound. Records are stamped when written, so an
   * older one is chained already: by the commit that wrote it, by a later step of its run, or by
   * the sweep, whose window is the same; records stamped in the past on purpose (the demo
   * register) are chained by the first sweep ({@link AuditSweep#since}).
   *
   * @param processOfTask the run of each task (mails carry only a task)
   * @param since the oldest record of a touched standard that is looked up
   */
  List<AuditRecord> candidates(JdbcClient jdbc, Collection<String> pis, Collection<Long> standards,
      Map<String, String> processOfTask, java.time.Instant since) {
    String sql = candidatesSql(tables(), !pis.isEmpty(), !standards.isEmpty(), !processOfTask.isEmpty());
    if (sql == null) {
      return new ArrayList<>();
    }
    var spec = jdbc.sql(sql);
    if (sql.contains(":pis")) {
      spec = spec.param("pis", pis);
    }
    if (sql.contains(":standards")) {
      spec = spec.param("standards", standards).param("since", Timestamp.from(since));
    }
    if (sql.contains(":tasks")) {
      spec = spec.param("tasks", processOfTask.keySet());
    }
    List<AuditRecord> found = new ArrayList<>(spec.query(this::record).list());
    return found;
  }

  /**
   * The statement {@link #candidates} runs: one UNION ALL of every existing source table (a single
   * round trip per commit instead of one per table), each part selecting by the runs ({@code :pis}),
   * the standards from {@code :since} on ({@code :standards}) and the tasks ({@code :tasks}) that
   * apply to it, ORed. Null when no part has a condition. Every column a condition names is indexed
   * (V1, V5, V7, V11): an OR is answered from indexes only when each branch has one, otherwise the
   * whole table is read at every commit ({@code AppRecordsIndexTest}).
   */
  static String candidatesSql(Set<String> tables, boolean byRuns, boolean byStandards, boolean byTasks) {
    List<String> parts = new ArrayList<>();
    for (Source s : SOURCES) {
      if (!tables.contains(s.table())) {
        continue;
      }
      List<String> conditions = new ArrayList<>();
      if (s.piColumn() != null && byRuns) {
        conditions.add(s.piColumn() + " IN (:pis)");
      }
      if (s.standardColumn() != null && byStandards) {
        // a standard collects records over years (an inspection a day): only the recent ones can be unchained
        conditions.add("(" + s.standardColumn() + " IN (:standards) AND " + s.timeColumn() + " >= :since)");
      }
      if (s.taskColumn() != null && byTasks) {
        conditions.add(s.taskColumn() + " IN (:tasks)");
      }
      if (!conditions.isEmpty()) {
        parts.add("(" + s.sql().formatted(String.join(" OR ", conditions)) + ")");
      }
    }
    return parts.isEmpty() ? null : String.join(" UNION ALL ", parts);
  }

  /** The source tables (lower case), for tests. */
  static Set<String> sourceTables() {
    Set<String> names = new java.util.TreeSet<>();
    SOURCES.forEach(s -> names.add(s.table()));
    return names;
  }

  /**
   * Every record of the last {@code window} that the chain does not hold yet: records written
   * outside an engine step (a document uploaded from the document page, notice mails of the
   * dispatcher) are chained by the periodic sweep instead of waiting for their run's next step.
   */
  List<AuditRecord> sweep(JdbcClient jdbc, java.time.Instant since, Function<String, String> sectionOf) {
    List<AuditRecord> found = new ArrayList<>();
    Set<String> tables = tables();
    for (Source s : SOURCES) {
      if (tables.contains(s.table())) {
        found.addAll(jdbc.sql(s.sql().formatted(s.timeColumn() + " >= :since"))
            .param("since", Timestamp.from(since)).query(this::record).list());
      }
    }
    return fresh(jdbc, found, Map.of(), new java.util.HashMap<>(), sectionOf);
  }

  /**
   * Of the found records, those the chain does not hold yet, completed with their run, standard and
   * the actor's section. Called under the chain lock.
   */
  List<AuditRecord> fresh(JdbcClient jdbc, List<AuditRecord> found, Map<String, String> processOfTask,
      Map<String, Long> standardOfProcess, Function<String, String> sectionOf) {
    if (found.isEmpty()) {
      return found;
    }
    Set<String> chained = new HashSet<>();
    List<String> keys = found.stream().map(AuditRecord::sourceKey).distinct().toList();
    for (int i = 0; i < keys.size(); i += 500) {
      chained.addAll(jdbc.sql("SELECT source_key FROM aud_entry WHERE source_key IN (:keys)")
          .param("keys", keys.subList(i, Math.min(keys.size(), i + 500))).query(String.class).list());
    }
    List<String> unknownRuns = found.stream().filter(r -> !chained.contains(r.sourceKey()))
        .map(AuditRecord::processInstanceId).filter(pi -> pi != null && !standardOfProcess.containsKey(pi))
        .distinct().toList();
    Map<String, Long> standardsOfRuns = new java.util.HashMap<>(standardOfProcess);
    for (int i = 0; i < unknownRuns.size(); i += 500) {
      jdbc.sql("SELECT process_instance_id, standard_id FROM aud_process_standard WHERE process_instance_id IN (:pis)")
          .param("pis", unknownRuns.subList(i, Math.min(unknownRuns.size(), i + 500)))
          .query((rs, n) -> standardsOfRuns.put(rs.getString(1), rs.getLong(2))).list();
    }
    List<AuditRecord> fresh = new ArrayList<>();
    Set<String> seen = new HashSet<>(chained);
    for (AuditRecord r : found) {
      if (!seen.add(r.sourceKey())) {
        continue;
      }
      String pi = r.processInstanceId();
      if (pi == null && r.taskId() != null) {
        pi = processOfTask.get(r.taskId());
      }
      Long standard = r.standardId() != null ? r.standardId() : pi == null ? null : standardsOfRuns.get(pi);
      fresh.add(r.withProcess(pi, r.processKey()).withStandard(standard)
          .withActor(r.actor(), sectionOf.apply(r.actor())));
    }
    fresh.sort(java.util.Comparator.comparing(AuditRecord::occurredAt));
    return fresh;
  }

  private AuditRecord record(ResultSet rs, int row) throws SQLException {
    String source = rs.getString(1);
    // every writer stamps the bureau's wall-clock time: the JVM runs in its zone (BureauTimeZone)
    Timestamp t = rs.getTimestamp(2);
    java.time.Instant at = t == null ? null : t.toInstant();
    long sid = rs.getLong(3);
    Long standard = rs.wasNull() ? null : sid;
    AuditAction action = AuditAction.valueOf(rs.getString(9).strip());
    String subject = rs.getString(10);
    if (action == AuditAction.DOCUMENT_UPLOADED && subject != null) {
      try {
        subject = DocumentKind.valueOf(subject.strip()).label();
      } catch (IllegalArgumentException e) {
        // a kind of a newer release: keep its name
      }
    }
    String sha = rs.getString(13);
    return new AuditRecord(at, standard, rs.getString(4), null, rs.getString(6),
        rs.getString(7), rs.getString(5), rs.getString(8), null, action, subject, rs.getString(11), rs.getString(12),
        sha == null ? null : sha.strip(), source);
  }

  private Set<String> tables() {
    Set<String> t = existing;
    if (t != null) {
      return t;
    }
    Set<String> found = new HashSet<>();
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      DatabaseMetaData meta = c.getMetaData();
      for (Source s : SOURCES) {
        for (String name : List.of(s.table(), s.table().toUpperCase(Locale.ROOT))) {
          try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
            if (rs.next()) {
              found.add(s.table());
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's table list", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
    existing = Set.copyOf(found);
    return existing;
  }
}
