package org.stdflow.notification;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.stdflow.notification.MailTemplates.RenderedMail;

/**
 * The table {@code ntf_notification}. Writes join the caller's transaction (JdbcClient on the
 * engine's DataSource and transaction manager), so a mail exists exactly when the step that caused
 * it committed.
 */
@Component
class Outbox {

  /** One outbox row. */
  record Row(long id, String key, String kind, String userId, String email, String subject, String text, String html,
      String taskId, NotificationStatus status, int attempts, LocalDateTime nextAttemptAt, String lastError,
      String lockedBy, LocalDateTime createdAt, LocalDateTime sentAt) {
  }

  private static final String COLUMNS = """
      id, idempotency_key, kind, recipient_user, recipient_email, subject, body_text, body_html, task_id, status,
      attempts, next_attempt_at, last_error, locked_by, created_at, sent_at""";

  private final JdbcClient jdbc;
  private final boolean postgres;

  Outbox(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = isPostgres(dataSource);
  }

  /**
   * Inserts the mail unless a row with the key exists; returns whether it did. PostgreSQL: ON
   * CONFLICT DO NOTHING, because a failed INSERT would abort the whole engine transaction there. H2
   * (single node) has no ON CONFLICT outside its PostgreSQL mode: NOT EXISTS, and a duplicate from a
   * race is caught (a failed statement does not spoil an H2 transaction).
   */
  boolean enqueue(String key, String kind, Recipient to, RenderedMail mail, String taskId, LocalDateTime now) {
    NotificationStatus status = to.email() == null ? NotificationStatus.SKIPPED_NO_ADDRESS : NotificationStatus.PENDING;
    String values = ":key, :kind, :user, :email, :subject, :text, :html, :task, :status, 0, :now, :now";
    String sql = postgres
        ? "INSERT INTO ntf_notification (" + INSERT_COLUMNS + ") VALUES (" + values + ") ON CONFLICT (idempotency_key) DO NOTHING"
        : "INSERT INTO ntf_notification (" + INSERT_COLUMNS + ") SELECT " + values
            + " FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM ntf_notification WHERE idempotency_key = :key)";
    try {
      return jdbc.sql(sql).param("key", key).param("kind", kind).param("user", to.userId()).param("email", to.email())
          .param("subject", truncate(mail.subject(), 500)).param("text", mail.text()).param("html", mail.html())
          .param("task", taskId).param("status", status.name()).param("now", now).update() > 0;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  private static final String INSERT_COLUMNS = """
      idempotency_key, kind, recipient_user, recipient_email, subject, body_text, body_html, task_id, status,
      attempts, next_attempt_at, created_at""";

  /**
   * Leases up to {@code limit} due rows to {@code node}: one UPDATE whose sub-select skips rows
   * another node has locked right now (FOR UPDATE SKIP LOCKED, PostgreSQL and H2 2.x), and whose own
   * WHERE repeats the lease condition, so a row is never leased twice while its lease runs.
   */
  List<Row> claim(String node, LocalDateTime now, LocalDateTime until, int limit) {
    jdbc.sql("""
            UPDATE ntf_notification SET locked_by = :node, locked_until = :until
             WHERE id IN (SELECT id FROM ntf_notification
                           WHERE status = 'PENDING' AND next_attempt_at <= :now
                             AND (locked_until IS NULL OR locked_until < :now)
                           ORDER BY next_attempt_at, id
                           FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED)
               AND status = 'PENDING' AND (locked_until IS NULL OR locked_until < :now)""")
        .param("node", node).param("until", until).param("now", now).param("limit", limit).update();
    return jdbc.sql("SELECT " + COLUMNS + " FROM ntf_notification"
            + " WHERE locked_by = :node AND locked_until = :until AND status = 'PENDING' ORDER BY id")
        .param("node", node).param("until", until).query(Outbox::row).list();
  }

  /** After the SMTP server took the mail. Only the lease holder may. */
  boolean markSent(long id, String node, LocalDateTime now) {
    return jdbc.sql("""
            UPDATE ntf_notification SET status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = NULL,
                   locked_by = NULL, locked_until = NULL WHERE id = :id AND locked_by = :node""")
        .param("now", now).param("id", id).param("node", node).update() > 0;
  }

  /** After a failed attempt: PENDING again at {@code next}, or FAILED. */
  void markAttemptFailed(long id, String node, NotificationStatus status, LocalDateTime next, String error) {
    jdbc.sql("""
            UPDATE ntf_notification SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                   last_error = :error, locked_by = NULL, locked_until = NULL WHERE id = :id AND locked_by = :node""")
        .param("status", status.name()).param("next", next).param("error", truncate(error, 2000)).param("id", id)
        .param("node", node).update();
  }

  /** Gives leased rows back untried (e.g. this node stops). */
  void release(long id, String node) {
    jdbc.sql("UPDATE ntf_notification SET locked_by = NULL, locked_until = NULL WHERE id = :id AND locked_by = :node")
        .param("id", id).param("node", node).update();
  }

  boolean isPostgres() {
    return postgres;
  }

  List<Row> list(NotificationStatus status, int limit) {
    // two statements: PostgreSQL cannot type a NULL parameter in "(:status IS NULL OR ...)"
    String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
    return jdbc.sql("SELECT " + COLUMNS + " FROM ntf_notification" + where + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit).query(Outbox::row).list();
  }

  Row find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ntf_notification WHERE id = :id").param("id", id)
        .query(Outbox::row).optional().orElse(null);
  }

  Row findByKey(String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ntf_notification WHERE idempotency_key = :key").param("key", key)
        .query(Outbox::row).optional().orElse(null);
  }

  /** A FAILED row goes back to PENDING with fresh attempts, to the given (current) address. */
  boolean retry(long id, String email, LocalDateTime now) {
    return jdbc.sql("""
            UPDATE ntf_notification SET status = 'PENDING', attempts = 0, next_attempt_at = :now,
                   recipient_email = COALESCE(:email, recipient_email), locked_by = NULL, locked_until = NULL
             WHERE id = :id AND status = 'FAILED'""")
        .param("now", now).param("email", email).param("id", id).update() > 0;
  }

  long count(NotificationStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM ntf_notification WHERE status = :status").param("status", status.name())
        .query(Long.class).single();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
        rs.getString("recipient_user"), rs.getString("recipient_email"), rs.getString("subject"),
        rs.getString("body_text"), rs.getString("body_html"), rs.getString("task_id"),
        NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getObject("next_attempt_at", LocalDateTime.class), rs.getString("last_error"), rs.getString("locked_by"),
        rs.getObject("created_at", LocalDateTime.class), rs.getObject("sent_at", LocalDateTime.class));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell the database product", e);
    }
  }
}
