package org.stdflow.notification;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;

/**
 * Turns each row of {@code std_notice} (written by the life cycle inside the engine transaction:
 * publication, revision, repeal, interpretation) into mails to every member of every section group.
 * A scheduled step rather than a call in the delegates: the register stays unaware of mail, and a
 * notice committed with its process step is picked up whatever wrote it. Exactly once: per notice,
 * one transaction writes a marker row in {@code ntf_notice_mailing} (primary key = notice id; a
 * second node's insert does nothing) together with the mails (their keys are unique as well).
 * Notices older than {@code stdflow.notification.notices.max-age} when first seen (history from an
 * upgrade, the demo register) are marked TOO_OLD and not mailed.
 */
@Component
class NoticeMails {

  static final String TEMPLATE = "standard-notice";
  private static final Map<String, String> KIND_LABELS = Map.of(
      "PUBLISHED", "发布", "REVISED", "修订", "REPEALED", "废止", "INTERPRETED", "解释");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Notifications notifications;
  private final Outbox outbox;
  private final OrganisationFile organisation;
  private final NotificationProperties properties;

  NoticeMails(JdbcClient jdbc, PlatformTransactionManager transactionManager, Notifications notifications,
      Outbox outbox, OrganisationFile organisation, NotificationProperties properties) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.notifications = notifications;
    this.outbox = outbox;
    this.organisation = organisation;
    this.properties = properties;
  }

  private record Notice(long id, String kind, String message, LocalDateTime createdAt, String title, String code,
      long standardId) {
  }

  /** Handles every notice not handled yet; returns how many mails were queued. */
  int fanOut(LocalDateTime now) {
    int queued = 0;
    List<Long> ids;
    do {
      ids = jdbc.sql("""
              SELECT n.id FROM std_notice n
               WHERE NOT EXISTS (SELECT 1 FROM ntf_notice_mailing m WHERE m.notice_id = n.id)
               ORDER BY n.id FETCH FIRST 100 ROWS ONLY""").query(Long.class).list();
      for (long id : ids) {
        Integer n = transaction.execute(status -> handle(id, now));
        queued += n == null ? 0 : n;
      }
    } while (ids.size() == 100);
    return queued;
  }

  private int handle(long id, LocalDateTime now) {
    Notice notice = jdbc.sql("""
            SELECT n.id, n.kind, n.message, n.created_at, s.title, COALESCE(v.code, s.code), s.id
              FROM std_notice n JOIN std_standard s ON s.id = n.standard_id
              LEFT JOIN std_version v ON v.id = n.version_id
             WHERE n.id = :id""").param("id", id)
        .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getString(6), rs.getLong(7)))
        .single();
    boolean tooOld = notice.createdAt().isBefore(now.minus(properties.notices().maxAge()));
    if (!mark(id, tooOld ? "TOO_OLD" : "ENQUEUED", now)) {
      return 0; // another node has it
    }
    if (tooOld) {
      return 0;
    }
    String label = KIND_LABELS.getOrDefault(notice.kind(), notice.kind());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("kindLabel", label);
    model.put("standardTitle", notice.title());
    model.put("standardCode", notice.code() == null ? "—" : notice.code());
    model.put("message", notice.message());
    model.put("date", notice.createdAt().toLocalDate().toString());
    // the standard in the register page: its text, versions and training materials
    model.put("standardPath", "/pages/register.html?id=" + notice.standardId());
    List<String> sections = organisation.groupsOfType(GroupType.SECTION).stream()
        .map(OrganisationFile.GroupEntry::id).toList();
    int queued = notifications.toGroups("notice:" + id, TEMPLATE, model, sections);
    jdbc.sql("UPDATE ntf_notice_mailing SET recipients = :n WHERE notice_id = :id").param("n", queued)
        .param("id", id).update();
    return queued;
  }

  /** Insert-if-absent of the marker (see Outbox.enqueue for why two dialects). */
  private boolean mark(long id, String outcome, LocalDateTime now) {
    String sql = outbox.isPostgres()
        ? "INSERT INTO ntf_notice_mailing (notice_id, outcome, recipients, handled_at) VALUES (:id, :outcome, 0, :now)"
            + " ON CONFLICT (notice_id) DO NOTHING"
        : "INSERT INTO ntf_notice_mailing (notice_id, outcome, recipients, handled_at) SELECT :id, :outcome, 0, :now"
            + " FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM ntf_notice_mailing WHERE notice_id = :id)";
    try {
      return jdbc.sql(sql).param("id", id).param("outcome", outcome).param("now", now).update() > 0;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
