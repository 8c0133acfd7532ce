package org.stdflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hash chain in aud_entry: appends under the lock of the single chain-head row (one chain even
 * with several nodes on one database), and verification that reports the first broken link.
 */
@Component
public class AuditChain {

  static final String COLUMNS = """
      seq, occurred_at, recorded_at, standard_id, process_instance_id, process_key, activity_id, step_name, task_id,
      actor, actor_section, action, subject, value_text, reason, sha256, source_key, prev_hash, hash""";
  private static final int PAGE = 2000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;
  private final Clock clock;

  AuditChain(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.clock = clock;
  }

  /**
   * Appends the records, then whatever {@code more} returns once the head is locked (app records
   * that must be checked against the chain under the lock), in the caller's transaction.
   *
   * @return how many entries were appended
   */
  public int append(List<AuditRecord> records, java.util.function.Function<JdbcClient, List<AuditRecord>> more) {
    Head head = jdbc.sql("SELECT last_seq, last_hash FROM aud_chain_head WHERE id = 1 FOR UPDATE")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2).strip())).single();
    List<AuditRecord> all = new ArrayList<>(records);
    if (more != null) {
      all.addAll(more.apply(jdbc));
    }
    if (all.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long seq = head.seq();
    String prev = head.hash();
    // one JDBC batch: the head stays locked for one round trip, not one per entry
    MapSqlParameterSource[] rows = new MapSqlParameterSource[all.size()];
    for (int i = 0; i < all.size(); i++) {
      seq++;
      String hash = AuditHashing.hash(seq, now, prev, all.get(i));
      rows[i] = row(seq, now, prev, hash, all.get(i));
      prev = hash;
    }
    batch.batchUpdate(INSERT, rows);
    jdbc.sql("UPDATE aud_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
        .param("seq", seq).param("hash", prev).update();
    return all.size();
  }

  public int append(List<AuditRecord> records) {
    return append(records, null);
  }

  /** When the newest app record in the chain was chained (seq follows time); null: the chain holds none. */
  Instant newestAppRecordChainedAt() {
    return jdbc.sql("""
            SELECT recorded_at FROM aud_entry WHERE source_key IS NOT NULL ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
        .query((rs, row) -> instant(rs, "recorded_at")).optional().orElse(null);
  }

  private static final String INSERT = "INSERT INTO aud_entry (" + COLUMNS + """
      ) VALUES (:seq, :occurred, :recorded, :standard, :pi, :pkey, :activity, :step, :task, :actor, :section,
                :action, :subject, :value, :reason, :sha, :source, :prev, :hash)""";

  private static MapSqlParameterSource row(long seq, Instant recordedAt, String prev, String hash, AuditRecord r) {
    // types given: a batch's null columns need them on PostgreSQL
    return new MapSqlParameterSource()
        .addValue("seq", seq, Types.BIGINT)
        .addValue("occurred", utc(r.occurredAt()), Types.TIMESTAMP)
        .addValue("recorded", utc(recordedAt), Types.TIMESTAMP)
        .addValue("standard", r.standardId(), Types.BIGINT)
        .addValue("pi", r.processInstanceId(), Types.VARCHAR)
        .addValue("pkey", r.processKey(), Types.VARCHAR)
        .addValue("activity", r.activityId(), Types.VARCHAR)
        .addValue("step", r.stepName(), Types.VARCHAR)
        .addValue("task", r.taskId(), Types.VARCHAR)
        .addValue("actor", r.actor(), Types.VARCHAR)
        .addValue("section", r.actorSection(), Types.VARCHAR)
        .addValue("action", r.action().name(), Types.VARCHAR)
        .addValue("subject", r.subject(), Types.VARCHAR)
        .addValue("value", r.value(), Types.VARCHAR)
        .addValue("reason", r.reason(), Types.VARCHAR)
        .addValue("sha", r.sha256(), Types.VARCHAR)
        .addValue("source", r.sourceKey(), Types.VARCHAR)
        .addValue("prev", prev, Types.VARCHAR)
        .addValue("hash", hash, Types.VARCHAR);
  }

  /** Timestamps are stored as UTC wall-clock values: the same on every JVM time zone. */
  static LocalDateTime utc(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    long sid = rs.getLong("standard_id");
    Long standardId = rs.wasNull() ? null : sid;
    String action = rs.getString("action");
    AuditAction a;
    try {
      a = AuditAction.valueOf(action);
    } catch (IllegalArgumentException e) {
      a = AuditAction.ADMIN_OPERATION; // unreachable for rows we wrote; verification then fails loudly
    }
    String sha = rs.getString("sha256");
    AuditRecord r = new AuditRecord(instant(rs, "occurred_at"), standardId, rs.getString("process_instance_id"),
        rs.getString("process_key"), rs.getString("activity_id"), rs.getString("step_name"), rs.getString("task_id"),
        rs.getString("actor"), rs.getString("actor_section"), a, rs.getString("subject"), rs.getString("value_text"),
        rs.getString("reason"), sha == null ? null : sha.strip(), rs.getString("source_key"));
    return new AuditEntry(rs.getLong("seq"), instant(rs, "recorded_at"), rs.getString("prev_hash").strip(),
        rs.getString("hash").strip(), r);
  }

  /** The result of walking the chain. */
  /**
   * @param lastSeq the last entry found intact
   * @param lastHash its hash: noted outside the database (a printed report, a letter), it anchors the
   *     chain, so even a rewrite of the whole chain by someone with database access shows
   */
  public record Verification(boolean intact, long checked, long lastSeq, String lastHash, Problem firstProblem) {
  }

  /**
   * The first broken link.
   *
   * @param kind EDITED (content does not match its hash), MISSING (a sequence number is absent: a
   *     row was deleted), INSERTED (a row that the chain does not lead to), HEAD (the last entries
   *     were removed or the head was changed)
   */
  public record Problem(long seq, String kind, String message) {
  }

  /** Walks the whole chain in sequence order and stops at the first broken link. */
  public Verification verify() {
    long expected = 1;
    String prevHash = AuditHashing.GENESIS;
    long checked = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM aud_entry WHERE seq > :after ORDER BY seq LIMIT "
          + PAGE).param("after", after).query(AuditChain::entry).list();
      if (page.isEmpty()) {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM aud_chain_head WHERE id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2).strip())).single();
        if (head.seq() > expected - 1) {
          // either appended meanwhile (then rows exist now) or the last rows were deleted
          Long max = jdbc.sql("SELECT MAX(seq) FROM aud_entry").query(Long.class).single();
          if (max != null && max > expected - 1) {
            continue;
          }
          return broken(checked, expected - 1, prevHash, new Problem(expected, "MISSING",
              "第 " + expected + " 条至第 " + head.seq() + " 条记录缺失（链尾被删除）。"));
        }
        if (head.seq() < expected - 1 || !head.hash().equals(prevHash)) {
          return broken(checked, expected - 1, prevHash, new Problem(head.seq() + 1, "INSERTED",
              "链头记录的最后一条为第 " + head.seq() + " 条，与表中记录不符：链尾之后有插入的记录，或链头被改动。"));
        }
        return new Verification(true, checked, expected - 1, prevHash, null);
      }
      for (AuditEntry e : page) {
        if (e.seq() < expected) {
          return broken(checked, expected - 1, prevHash, new Problem(e.seq(), "INSERTED",
              "第 " + e.seq() + " 条记录不属于审计链（序号在链首之前）：有人插入了记录。"));
        }
        if (e.seq() > expected) {
          return broken(checked, expected - 1, prevHash, new Problem(expected, "MISSING",
              "第 " + expected + " 条记录缺失" + (e.seq() > expected + 1 ? "（至第 " + (e.seq() - 1) + " 条）" : "")
                  + "：记录被删除。"));
        }
        if (!e.prevHash().equals(prevHash)) {
          return broken(checked, expected - 1, prevHash, new Problem(e.seq(), "INSERTED",
              "第 " + e.seq() + " 条记录的前序哈希与第 " + (e.seq() - 1) + " 条不符：该记录被替换或插入。"));
        }
        String recomputed = AuditHashing.hash(e.seq(), e.recordedAt(), e.prevHash(), e.record());
        if (!recomputed.equals(e.hash())) {
          return broken(checked, expected - 1, prevHash, new Problem(e.seq(), "EDITED",
              "第 " + e.seq() + " 条记录的内容与其哈希不符：记录被修改。"));
        }
        checked++;
        expected++;
        prevHash = e.hash();
        after = e.seq();
      }
    }
  }

  private static Verification broken(long checked, long lastGood, String lastHash, Problem p) {
    return new Verification(false, checked, lastGood, lastHash, p);
  }

  private record Head(long seq, String hash) {
  }
}
