package org.stdflow.standard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes of the life cycle to the register (std_* tables). Runs inside the engine's transaction
 * (one DataSource, one Spring transaction manager), so a failed step leaves no register change.
 */
@Repository
public class StandardRegister {

  private final JdbcClient jdbc;
  private final Clock clock;

  StandardRegister(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A register row as the processes need it. */
  public record Standard(long id, String title, String nodeCode, StandardType type, String responsibleSection,
      StandardStatus status, String code, Integer sequenceInNode, Long currentVersionId, LocalDate effectiveDate,
      LocalDate nextReviewDate, boolean revisionInProgress, String processInstanceId) {
  }

  /** A published version. */
  public record Version(long id, long standardId, int versionNo, String code, String status, LocalDate effectiveDate) {
  }

  public long createProposal(String title, String nodeCode, StandardType type, String section, String scope,
      String externalCode, String processInstanceId, String userId) {
    Timestamp now = now();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code, scope,
                                      process_instance_id, created_by, created_at, updated_at)
            VALUES (:title, :node, :type, :section, :status, :code, :scope, :pi, :user, :now, :now)""")
        .param("title", title).param("node", nodeCode).param("type", type.name()).param("section", section)
        .param("status", StandardStatus.PROPOSED.name()).param("code", externalCode).param("scope", scope)
        .param("pi", processInstanceId).param("user", userId).param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Updates the proposal's fields after a supplement (only while not yet in force). */
  public void updateProposal(long id, String title, String nodeCode, StandardType type, String section, String scope,
      String externalCode) {
    jdbc.sql("""
            UPDATE std_standard SET title = :title, node_code = :node, standard_type = :type,
                   responsible_section = :section, scope = :scope, code = :code, updated_at = :now
             WHERE id = :id AND current_version_id IS NULL""")
        .param("title", title).param("node", nodeCode).param("type", type.name()).param("section", section)
        .param("scope", scope).param("code", externalCode).param("now", now()).param("id", id).update();
  }

  public Optional<Standard> find(long id) {
    return jdbc.sql("SELECT * FROM std_standard WHERE id = :id").param("id", id).query(StandardRegister::standard)
        .optional();
  }

  public Standard get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("standard " + id + " is not in the register"));
  }

  public Optional<Standard> findByCode(String code) {
    return jdbc.sql("SELECT * FROM std_standard WHERE code = :code").param("code", code)
        .query(StandardRegister::standard).optional();
  }

  /** Whether another live standard (not rejected or repealed) on the node has this title. */
  public boolean titleTaken(String nodeCode, String title, Long exceptId) {
    // PostgreSQL cannot type a bare NULL parameter, so no ":except IS NULL" trick
    return jdbc.sql("""
            SELECT COUNT(*) FROM std_standard
             WHERE node_code = :node AND title = :title AND status NOT IN ('REJECTED', 'REPEALED') AND id <> :except""")
        .param("node", nodeCode).param("title", title).param("except", exceptId == null ? -1L : exceptId)
        .query(Long.class).single() > 0;
  }

  public boolean codeTaken(String code, Long exceptId) {
    return jdbc.sql("SELECT COUNT(*) FROM std_standard WHERE code = :code AND id <> :except")
        .param("code", code).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
  }

  public boolean nodeExists(String nodeCode) {
    return jdbc.sql("SELECT COUNT(*) FROM std_node WHERE code = :code").param("code", nodeCode)
        .query(Long.class).single() > 0;
  }

  /**
   * Moves a standard to a life-cycle stage. A standard with a version in force keeps status
   * IN_FORCE while its revision runs (the old version stays valid until the new one is published).
   */
  public void enterStage(long id, StandardStatus stage) {
    jdbc.sql("""
            UPDATE std_standard SET status = CASE WHEN current_version_id IS NULL THEN :stage ELSE status END,
                   updated_at = :now WHERE id = :id""")
        .param("stage", stage.name()).param("now", now()).param("id", id).update();
  }

  /** A proposal not taken up; a revision proposal leaves the standard in force as it is (reason mailed only). */
  public void reject(long id, String reason) {
    jdbc.sql("""
            UPDATE std_standard SET status = CASE WHEN current_version_id IS NULL THEN 'REJECTED' ELSE status END,
                   rejection_reason = CASE WHEN current_version_id IS NULL THEN :reason ELSE rejection_reason END,
                   revision_in_progress = FALSE, updated_at = :now WHERE id = :id""")
        .param("reason", reason).param("now", now()).param("id", id).update();
  }

  /** A revision proposed as a run of its own: the standard's own run stays its owner until publication. */
  public void markRevisionInProgress(long id) {
    jdbc.sql("UPDATE std_standard SET revision_in_progress = TRUE, updated_at = :now WHERE id = :id")
        .param("now", now()).param("id", id).update();
  }

  /** Makes the run the standard's own, unless it has one already; false then. */
  public boolean claimRun(long id, String processInstanceId) {
    return jdbc.sql("""
            UPDATE std_standard SET process_instance_id = :pi, updated_at = :now
             WHERE id = :id AND process_instance_id IS NULL AND status = 'IN_FORCE'""")
        .param("pi", processInstanceId).param("now", now()).param("id", id).update() == 1;
  }

  /** Standards in force that no life-cycle run owns (taken over into the register, not proposed in it). */
  public List<Long> inForceWithoutRun() {
    return jdbc.sql("SELECT id FROM std_standard WHERE status = 'IN_FORCE' AND process_instance_id IS NULL ORDER BY id")
        .query(Long.class).list();
  }

  public void startRevision(long id, String processInstanceId) {
    jdbc.sql("""
            UPDATE std_standard SET revision_in_progress = TRUE, process_instance_id = :pi, updated_at = :now
             WHERE id = :id""")
        .param("pi", processInstanceId).param("now", now()).param("id", id).update();
  }

  /** Hands out the next code sequence of a node (atomic increment under the row lock). */
  public int nextSequence(String nodeCode) {
    jdbc.sql("UPDATE std_node SET last_sequence = last_sequence + 1 WHERE code = :code").param("code", nodeCode)
        .update();
    return jdbc.sql("SELECT last_sequence FROM std_node WHERE code = :code").param("code", nodeCode)
        .query(Integer.class).single();
  }

  public Optional<Version> currentVersion(long standardId) {
    return jdbc.sql("""
            SELECT v.* FROM std_version v JOIN std_standard s ON s.current_version_id = v.id WHERE s.id = :id""")
        .param("id", standardId).query(StandardRegister::version).optional();
  }

  /**
   * Publishes a new version: the previous one (if any) becomes SUPERSEDED, the standard IN_FORCE
   * with the new code, version, effective and next review date.
   */
  public Version publish(long standardId, String code, Integer sequenceInNode, LocalDate effectiveDate,
      LocalDate nextReviewDate, String title, String approvedBy, String processInstanceId) {
    Optional<Version> previous = currentVersion(standardId);
    int versionNo = previous.map(v -> v.versionNo() + 1).orElse(1);
    Timestamp now = now();
    previous.ifPresent(v -> jdbc.sql("UPDATE std_version SET status = 'SUPERSEDED' WHERE id = :id")
        .param("id", v.id()).update());
    jdbc.sql("""
            INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at, approved_by,
                                     supersedes_id, process_instance_id)
            VALUES (:sid, :no, :code, 'IN_FORCE', :eff, :now, :by, :prev, :pi)""")
        .param("sid", standardId).param("no", versionNo).param("code", code).param("eff", effectiveDate)
        .param("now", now).param("by", approvedBy).param("prev", previous.map(Version::id).orElse(null))
        .param("pi", processInstanceId).update();
    Version version = jdbc.sql("SELECT * FROM std_version WHERE standard_id = :sid AND version_no = :no")
        .param("sid", standardId).param("no", versionNo).query(StandardRegister::version).single();
    jdbc.sql("""
            UPDATE std_standard SET status = 'IN_FORCE', code = :code, sequence_in_node = :seq,
                   current_version_id = :vid, effective_date = :eff, next_review_date = :review, title = :title,
                   revision_in_progress = FALSE, process_instance_id = :pi, updated_at = :now
             WHERE id = :id""")
        .param("code", code).param("seq", sequenceInNode).param("vid", version.id()).param("eff", effectiveDate)
        .param("review", nextReviewDate).param("title", title).param("pi", processInstanceId).param("now", now)
        .param("id", standardId).update();
    return version;
  }

  /** The day a version was published, in the bureau's zone; null for an unknown version. */
  public LocalDate publishedOn(long versionId) {
    return jdbc.sql("SELECT published_at FROM std_version WHERE id = :id").param("id", versionId)
        .query(Timestamp.class).optional()
        .map(t -> t.toLocalDateTime().toLocalDate()).orElse(null);
  }

  public void setNextReviewDate(long standardId, LocalDate next) {
    jdbc.sql("UPDATE std_standard SET next_review_date = :d, updated_at = :now WHERE id = :id")
        .param("d", next).param("now", now()).param("id", standardId).update();
  }

  public void repeal(long standardId) {
    jdbc.sql("UPDATE std_version SET status = 'REPEALED' WHERE id = (SELECT current_version_id FROM std_standard WHERE id = :id)")
        .param("id", standardId).update();
    jdbc.sql("""
            UPDATE std_standard SET status = 'REPEALED', next_review_date = NULL, revision_in_progress = FALSE,
                   updated_at = :now WHERE id = :id""")
        .param("now", now()).param("id", standardId).update();
  }

  public void recordNotice(long standardId, Long versionId, String kind, String message, String userId) {
    jdbc.sql("""
            INSERT INTO std_notice (standard_id, version_id, kind, message, created_by, created_at)
            VALUES (:sid, :vid, :kind, :msg, :by, :now)""")
        .param("sid", standardId).param("vid", versionId).param("kind", kind).param("msg", message)
        .param("by", userId).param("now", now()).update();
  }

  public List<String> noticeKinds(long standardId) {
    return jdbc.sql("SELECT kind FROM std_notice WHERE standard_id = :id ORDER BY id").param("id", standardId)
        .query(String.class).list();
  }

  public void recordComment(long standardId, String processInstanceId, String section, String author, String text,
      boolean noComment) {
    jdbc.sql("""
            INSERT INTO std_comment (standard_id, process_instance_id, section, author, comment_text, no_comment, created_at)
            VALUES (:sid, :pi, :section, :author, :text, :none, :now)""")
        .param("sid", standardId).param("pi", processInstanceId).param("section", section).param("author", author)
        .param("text", text).param("none", noComment).param("now", now()).update();
  }

  /** A comment of the current comment round. */
  public record Comment(long id, String section, String author, String text, boolean noComment, String decision,
      String reason) {
  }

  /** The comments of the latest round of this process (rows not yet decided). */
  public List<Comment> openComments(String processInstanceId) {
    return jdbc.sql("""
            SELECT id, section, author, comment_text, no_comment, decision, reason FROM std_comment
             WHERE process_instance_id = :pi AND decided_at IS NULL ORDER BY id""")
        .param("pi", processInstanceId)
        .query(StandardRegister::comment)
        .list();
  }

  public List<Comment> comments(String processInstanceId) {
    return jdbc.sql("""
            SELECT id, section, author, comment_text, no_comment, decision, reason FROM std_comment
             WHERE process_instance_id = :pi ORDER BY id""")
        .param("pi", processInstanceId)
        .query(StandardRegister::comment)
        .list();
  }

  /** The comments of one round: those recorded since the round opened. */
  public List<Comment> commentsSince(String processInstanceId, java.util.Date roundOpened) {
    return jdbc.sql("""
            SELECT id, section, author, comment_text, no_comment, decision, reason FROM std_comment
             WHERE process_instance_id = :pi AND created_at >= :since ORDER BY id""")
        .param("pi", processInstanceId).param("since", new Timestamp(roundOpened.getTime()))
        .query(StandardRegister::comment)
        .list();
  }

  public void decideComment(long commentId, String decision, String reason, String userId) {
    jdbc.sql("""
            UPDATE std_comment SET decision = :d, reason = :r, decided_by = :by, decided_at = :now
             WHERE id = :id AND decided_at IS NULL""")
        .param("d", decision).param("r", reason).param("by", userId).param("now", now()).param("id", commentId)
        .update();
  }

  public void recordTraining(long standardId, long versionId, LocalDate date, String attendees, String userId) {
    jdbc.sql("""
            INSERT INTO std_training (standard_id, version_id, training_date, attendees, recorded_by, recorded_at)
            VALUES (:sid, :vid, :d, :a, :by, :now)""")
        .param("sid", standardId).param("vid", versionId).param("d", date).param("a", attendees).param("by", userId)
        .param("now", now()).update();
  }

  public void expectAcknowledgement(long standardId, long versionId, String userId) {
    jdbc.sql("""
            INSERT INTO std_acknowledgement (standard_id, version_id, user_id) VALUES (:sid, :vid, :u)""")
        .param("sid", standardId).param("vid", versionId).param("u", userId).update();
  }

  public void acknowledge(long versionId, String userId) {
    jdbc.sql("""
            UPDATE std_acknowledgement SET acknowledged_at = :now
             WHERE version_id = :vid AND user_id = :u AND acknowledged_at IS NULL""")
        .param("now", now()).param("vid", versionId).param("u", userId).update();
  }

  public List<String> missingAcknowledgements(long versionId) {
    return jdbc.sql("""
            SELECT user_id FROM std_acknowledgement WHERE version_id = :vid AND acknowledged_at IS NULL ORDER BY user_id""")
        .param("vid", versionId).query(String.class).list();
  }

  public void recordReview(long standardId, Long versionId, String trigger, String triggerReason, String outcome,
      String reason, String userId) {
    jdbc.sql("""
            INSERT INTO std_review (standard_id, version_id, review_trigger, trigger_reason, outcome, reason,
                                    reviewed_by, reviewed_at)
            VALUES (:sid, :vid, :t, :tr, :o, :r, :by, :now)""")
        .param("sid", standardId).param("vid", versionId).param("t", trigger).param("tr", triggerReason)
        .param("o", outcome).param("r", reason).param("by", userId).param("now", now()).update();
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }

  private static Standard standard(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    java.sql.Date eff = rs.getDate("effective_date");
    java.sql.Date review = rs.getDate("next_review_date");
    long version = rs.getLong("current_version_id");
    Long versionId = rs.wasNull() ? null : version;
    int seq = rs.getInt("sequence_in_node");
    Integer sequence = rs.wasNull() ? null : seq;
    return new Standard(rs.getLong("id"), rs.getString("title"), rs.getString("node_code"),
        StandardType.valueOf(rs.getString("standard_type")), rs.getString("responsible_section"),
        StandardStatus.valueOf(rs.getString("status")), rs.getString("code"), sequence, versionId,
        eff == null ? null : eff.toLocalDate(), review == null ? null : review.toLocalDate(),
        rs.getBoolean("revision_in_progress"), rs.getString("process_instance_id"));
  }

  private static Comment comment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Comment(rs.getLong("id"), rs.getString("section"), rs.getString("author"), rs.getString("comment_text"),
        rs.getBoolean("no_comment"), rs.getString("decision"), rs.getString("reason"));
  }

  private static Version version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Version(rs.getLong("id"), rs.getLong("standard_id"), rs.getInt("version_no"), rs.getString("code"),
        rs.getString("status"), rs.getDate("effective_date").toLocalDate());
  }
}
