package org.stdflow.standard;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty demo installation with a realistic register ({@link DemoRegisterData}), so the
 * register, its tree and later reports have something to show. Runs at start when
 * {@code stdflow.demo-data} is on (default profile; off under {@code postgres}), before the web
 * server takes requests. Idempotent: an entry is inserted only when no standard with its title
 * exists on its node, so restarts, and standards the life cycle created meanwhile, are left alone.
 * Writes std_standard, std_version, std_notice and std_review (no documents: their content is
 * required) and keeps each node's last_sequence at least at the highest sequence used.
 */
@Component
class DemoRegisterLoader implements SmartInitializingSingleton {

  static final String CREATED_BY = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoRegisterLoader.class);
  /** Demo approvals and reviews are signed by the demo leadership head and the office. */
  private static final String APPROVER = "wangjianguo";
  private static final String REVIEWER = "zhaomin";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final LifecycleProperties lifecycle;
  private final boolean enabled;

  DemoRegisterLoader(JdbcClient jdbc, PlatformTransactionManager transactionManager, LifecycleProperties lifecycle,
      @Value("${stdflow.demo-data:false}") boolean enabled) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.lifecycle = lifecycle;
    this.enabled = enabled;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (enabled) {
      int inserted = load();
      LOG.info("Demo register: {} standards inserted ({} entries known)", inserted, DemoRegisterData.entries().size());
    }
  }

  /** Inserts the missing demo entries in one transaction; returns how many were inserted. */
  int load() {
    Integer inserted = transaction.execute(status -> {
      int count = 0;
      for (DemoRegisterData.Entry entry : DemoRegisterData.entries()) {
        count += insert(entry) ? 1 : 0;
      }
      return count;
    });
    return inserted == null ? 0 : inserted;
  }

  /** The code of each version of an entry (internal ones take the year of their publication). */
  List<String> codes(DemoRegisterData.Entry entry) {
    return entry.effectiveDates().stream()
        .map(effective -> entry.externalCode() != null ? entry.externalCode()
            : lifecycle.codePrefix() + entry.node() + "." + entry.sequence() + "-" + publishedOn(effective).getYear())
        .toList();
  }

  private boolean insert(DemoRegisterData.Entry entry) {
    boolean present = jdbc.sql("SELECT COUNT(*) FROM std_standard WHERE node_code = :node AND title = :title")
        .param("node", entry.node()).param("title", entry.title()).query(Long.class).single() > 0;
    if (present) {
      return false;
    }
    List<String> codes = codes(entry);
    String currentCode = codes.get(codes.size() - 1);
    if (jdbc.sql("SELECT COUNT(*) FROM std_standard WHERE code = :code").param("code", currentCode)
        .query(Long.class).single() > 0) {
      // someone registered this code for another standard: never fail the start over demo data
      LOG.warn("Demo register: code {} is taken, demo entry '{}' skipped", currentCode, entry.title());
      return false;
    }
    List<LocalDate> effectiveDates = entry.effectiveDates();
    LocalDate firstEffective = effectiveDates.get(0);
    LocalDate lastEffective = effectiveDates.get(effectiveDates.size() - 1);
    boolean repealed = entry.repealedOn() != null;
    Timestamp created = at(publishedOn(firstEffective));
    Timestamp updated = repealed ? at(entry.repealedOn()) : at(publishedOn(lastEffective));

    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code,
                                      sequence_in_node, scope, created_by, created_at, updated_at)
            VALUES (:title, :node, :type, :section, :status, :code, :seq, :scope, :by, :created, :updated)""")
        .param("title", entry.title()).param("node", entry.node()).param("type", entry.type().name())
        .param("section", entry.section())
        .param("status", (repealed ? StandardStatus.REPEALED : StandardStatus.IN_FORCE).name())
        .param("code", currentCode).param("seq", entry.sequence()).param("scope", entry.scope())
        .param("by", CREATED_BY).param("created", created).param("updated", updated)
        .update(keys, "id");
    long standardId = keys.getKey().longValue();

    Long previousVersion = null;
    for (int i = 0; i < effectiveDates.size(); i++) {
      LocalDate effective = effectiveDates.get(i);
      boolean last = i == effectiveDates.size() - 1;
      Timestamp published = at(publishedOn(effective));
      if (previousVersion != null) {
        // a revision follows a periodic review of the version it replaces
        jdbc.sql("""
                INSERT INTO std_review (standard_id, version_id, review_trigger, trigger_reason, outcome, reason,
                                        reviewed_by, reviewed_at)
                VALUES (:sid, :vid, 'PERIODIC', :why, 'REVISE', :reason, :by, :at)""")
            .param("sid", standardId).param("vid", previousVersion).param("why", "定期复审")
            .param("reason", "根据实施情况评价和各科室反馈意见，部分条款需修订。").param("by", REVIEWER)
            .param("at", at(publishedOn(effective).minusMonths(4))).update();
      }
      String status = !last ? "SUPERSEDED" : repealed ? "REPEALED" : "IN_FORCE";
      var versionKeys = new GeneratedKeyHolder();
      jdbc.sql("""
              INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at,
                                       approved_by, supersedes_id)
              VALUES (:sid, :no, :code, :status, :eff, :published, :by, :prev)""")
          .param("sid", standardId).param("no", i + 1).param("code", codes.get(i)).param("status", status)
          .param("eff", effective).param("published", published).param("by", APPROVER)
          .param("prev", previousVersion).update(versionKeys, "id");
      long versionId = versionKeys.getKey().longValue();
      notice(standardId, versionId, i == 0 ? "PUBLISHED" : "REVISED", "《" + entry.title() + "》（" + codes.get(i) + "）"
          + (entry.type().adopted() ? "已纳入标准体系" : i == 0 ? "已发布" : "已修订发布（第 " + (i + 1) + " 版）")
          + "，自 " + effective + " 起实施。", published);
      previousVersion = versionId;
    }
    if (repealed) {
      jdbc.sql("""
              INSERT INTO std_review (standard_id, version_id, review_trigger, trigger_reason, outcome, reason,
                                      reviewed_by, reviewed_at)
              VALUES (:sid, :vid, 'OUT_OF_CYCLE', :why, 'REPEAL', :reason, :by, :at)""")
          .param("sid", standardId).param("vid", previousVersion).param("why", entry.repealReason())
          .param("reason", entry.repealReason()).param("by", REVIEWER)
          .param("at", at(entry.repealedOn().minusDays(10))).update();
      notice(standardId, previousVersion, "REPEALED", "《" + entry.title() + "》（" + currentCode + "）经复审予以废止。",
          at(entry.repealedOn()));
    }
    // the same review intervals as the life cycle's DMN default: 3 years internal, 5 years adopted
    LocalDate nextReview = repealed ? null : lastEffective.plusYears(entry.type().adopted() ? 5 : 3);
    jdbc.sql("""
            UPDATE std_standard SET current_version_id = :vid, effective_date = :eff, next_review_date = :review
             WHERE id = :id""")
        .param("vid", previousVersion).param("eff", lastEffective).param("review", nextReview).param("id", standardId)
        .update();
    if (entry.sequence() != null) {
      // the life cycle hands out last_sequence + 1 next: it must never repeat a demo code
      jdbc.sql("UPDATE std_node SET last_sequence = GREATEST(last_sequence, :seq) WHERE code = :node")
          .param("seq", entry.sequence()).param("node", entry.node()).update();
    }
    return true;
  }

  private void notice(long standardId, long versionId, String kind, String message, Timestamp at) {
    jdbc.sql("""
            INSERT INTO std_notice (standard_id, version_id, kind, message, created_by, created_at)
            VALUES (:sid, :vid, :kind, :msg, :by, :at)""")
        .param("sid", standardId).param("vid", versionId).param("kind", kind).param("msg", message)
        .param("by", CREATED_BY).param("at", at).update();
  }

  /** Demo versions were published two weeks before they took effect. */
  private static LocalDate publishedOn(LocalDate effective) {
    return effective.minusDays(14);
  }

  private static Timestamp at(LocalDate date) {
    return Timestamp.valueOf(LocalDateTime.of(date, LocalTime.of(9, 30)));
  }
}
