package org.stdflow.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** ev_feedback, written by the steps of the feedback process inside their engine transaction. */
@Repository
public class FeedbackRecords {

  private final JdbcClient jdbc;
  private final Clock clock;

  FeedbackRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long submit(String type, Long standardId, String submitter, String contact, String description,
      String processInstanceId) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO ev_feedback (feedback_type, status, standard_id, submitter, contact, description,
                                     process_instance_id, submitted_at)
            VALUES (:t, 'SUBMITTED', :s, :u, :c, :d, :pi, :now)""")
        .param("t", type).param("s", standardId).param("u", submitter).param("c", contact).param("d", description)
        .param("pi", processInstanceId).param("now", now()).update(keys, "id");
    return keys.getKey().longValue();
  }

  void reject(long id, String user, String reason) {
    jdbc.sql("""
            UPDATE ev_feedback SET status = 'REJECTED', triaged_at = :now, triaged_by = :u, reject_reason = :r,
                   closed_at = :now WHERE id = :id""")
        .param("now", now()).param("u", user).param("r", reason).param("id", id).update();
  }

  void assign(long id, String user, String type, String section, Boolean substantiated, Instant replyDue) {
    jdbc.sql("""
            UPDATE ev_feedback SET status = 'ASSIGNED', triaged_at = :now, triaged_by = :u, feedback_type = :t,
                   section_id = :s, substantiated = :sub, reply_due = :due WHERE id = :id""")
        .param("now", now()).param("u", user).param("t", type).param("s", section).param("sub", substantiated)
        .param("due", Timestamp.from(replyDue)).param("id", id).update();
  }

  void markReminded(long id) {
    jdbc.sql("UPDATE ev_feedback SET reminded_at = :now WHERE id = :id").param("now", now()).param("id", id).update();
  }

  void markEscalated(long id) {
    jdbc.sql("UPDATE ev_feedback SET escalated_at = :now WHERE id = :id").param("now", now()).param("id", id).update();
  }

  void reply(long id, String user, String reply, Boolean substantiated) {
    jdbc.sql("""
            UPDATE ev_feedback SET status = 'REPLIED', reply = :r, replied_by = :u, replied_at = :now,
                   substantiated = :sub WHERE id = :id""")
        .param("r", reply).param("u", user).param("now", now()).param("sub", substantiated).param("id", id).update();
  }

  void setRectification(long id, long rectificationId) {
    jdbc.sql("UPDATE ev_feedback SET rectification_id = :r WHERE id = :id").param("r", rectificationId)
        .param("id", id).update();
  }

  void setReviewOutcome(long id, String outcome) {
    jdbc.sql("UPDATE ev_feedback SET review_outcome = :o WHERE id = :id").param("o", outcome).param("id", id).update();
  }

  void rate(long id, int rating, String comment) {
    jdbc.sql("""
            UPDATE ev_feedback SET status = 'RATED', rating = :r, rating_comment = :c, rated_at = :now, closed_at = :now
             WHERE id = :id""")
        .param("r", rating).param("c", comment).param("now", now()).param("id", id).update();
  }

  void closeUnrated(long id) {
    jdbc.sql("UPDATE ev_feedback SET status = 'UNRATED', closed_at = :now WHERE id = :id").param("now", now())
        .param("id", id).update();
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }
}
