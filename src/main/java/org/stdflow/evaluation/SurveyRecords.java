package org.stdflow.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Survey definitions (ev_survey, ev_survey_question) and quarterly results (ev_survey_result, ev_survey_answer). */
@Repository
public class SurveyRecords {

  /** A survey definition: one per service. */
  public record Survey(long id, String service, String name, String sectionId, boolean active) {
  }

  /** The counts of one question per scale point 1..5 ({@code counts[0]} is the number of 1s). */
  public record QuestionCounts(int sortOrder, String question, int[] counts) {
    public int total() {
      int t = 0;
      for (int c : counts) {
        t += c;
      }
      return t;
    }

    /** Answers of 4 or 5. */
    public int satisfied() {
      return counts[3] + counts[4];
    }

    public BigDecimal rate() {
      return SurveyRecords.rate(satisfied(), total());
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  SurveyRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** satisfied / total in percent, two decimals (0 when nothing was answered). */
  static BigDecimal rate(int satisfied, int total) {
    return total == 0 ? BigDecimal.ZERO.setScale(2)
        : BigDecimal.valueOf(satisfied * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
  }

  public List<Survey> activeSurveys() {
    return jdbc.sql("SELECT id, service, name, section_id, active FROM ev_survey WHERE active = TRUE ORDER BY id")
        .query((rs, n) -> new Survey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
        .list();
  }

  public Survey survey(long id) {
    return jdbc.sql("SELECT id, service, name, section_id, active FROM ev_survey WHERE id = :id").param("id", id)
        .query((rs, n) -> new Survey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
        .single();
  }

  public List<String> questions(long surveyId) {
    return jdbc.sql("SELECT text FROM ev_survey_question WHERE survey_id = :s ORDER BY sort_order")
        .param("s", surveyId).query(String.class).list();
  }

  public boolean resultExists(long surveyId, String quarter) {
    return jdbc.sql("SELECT COUNT(*) FROM ev_survey_result WHERE survey_id = :s AND quarter = :q")
        .param("s", surveyId).param("q", quarter).query(Integer.class).single() > 0;
  }

  /** Records the counts and returns the new result's id. */
  long record(long surveyId, String quarter, String sectionId, int respondents, List<QuestionCounts> questions,
      BigDecimal threshold, String enteredBy, String note, String processInstanceId) {
    int answers = questions.stream().mapToInt(QuestionCounts::total).sum();
    int satisfied = questions.stream().mapToInt(QuestionCounts::satisfied).sum();
    BigDecimal rate = rate(satisfied, answers);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO ev_survey_result (survey_id, quarter, section_id, respondents, answers, satisfied_answers,
                                          satisfaction_rate, threshold, below_threshold, entered_by, entered_at, note,
                                          process_instance_id)
            VALUES (:s, :q, :sec, :r, :a, :sat, :rate, :t, :below, :u, :now, :note, :pi)""")
        .param("s", surveyId).param("q", quarter).param("sec", sectionId).param("r", respondents).param("a", answers)
        .param("sat", satisfied).param("rate", rate).param("t", threshold).param("below", rate.compareTo(threshold) < 0)
        .param("u", enteredBy).param("now", Timestamp.from(Instant.now(clock))).param("note", note)
        .param("pi", processInstanceId).update(keys, "id");
    long id = keys.getKey().longValue();
    for (QuestionCounts q : questions) {
      jdbc.sql("""
              INSERT INTO ev_survey_answer (result_id, sort_order, question, count_1, count_2, count_3, count_4, count_5)
              VALUES (:r, :o, :q, :c1, :c2, :c3, :c4, :c5)""")
          .param("r", id).param("o", q.sortOrder()).param("q", q.question()).param("c1", q.counts()[0])
          .param("c2", q.counts()[1]).param("c3", q.counts()[2]).param("c4", q.counts()[3]).param("c5", q.counts()[4])
          .update();
    }
    return id;
  }

  public List<QuestionCounts> answers(long resultId) {
    return jdbc.sql("""
            SELECT sort_order, question, count_1, count_2, count_3, count_4, count_5 FROM ev_survey_answer
             WHERE result_id = :r ORDER BY sort_order""").param("r", resultId)
        .query((rs, n) -> new QuestionCounts(rs.getInt(1), rs.getString(2),
            new int[] {rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)}))
        .list();
  }

  /**
   * Creates or replaces a survey definition. Recorded results keep their own copy of the questions,
   * and a round in progress keeps the questions it was prepared with.
   */
  @org.springframework.transaction.annotation.Transactional
  public long saveDefinition(String service, String name, String sectionId, boolean active, List<String> questions) {
    Long id = jdbc.sql("SELECT id FROM ev_survey WHERE service = :s").param("s", service).query(Long.class)
        .optional().orElse(null);
    if (id == null) {
      KeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO ev_survey (service, name, section_id, active) VALUES (:s, :n, :sec, :a)")
          .param("s", service).param("n", name).param("sec", sectionId).param("a", active).update(keys, "id");
      id = keys.getKey().longValue();
    } else {
      jdbc.sql("UPDATE ev_survey SET name = :n, section_id = :sec, active = :a WHERE id = :id").param("n", name)
          .param("sec", sectionId).param("a", active).param("id", id).update();
      jdbc.sql("DELETE FROM ev_survey_question WHERE survey_id = :id").param("id", id).update();
    }
    for (int i = 0; i < questions.size(); i++) {
      jdbc.sql("INSERT INTO ev_survey_question (survey_id, sort_order, text) VALUES (:id, :o, :t)").param("id", id)
          .param("o", i + 1).param("t", questions.get(i)).update();
    }
    return id;
  }

  void setRectification(long resultId, long rectificationId) {
    jdbc.sql("UPDATE ev_survey_result SET rectification_id = :r WHERE id = :id").param("r", rectificationId)
        .param("id", resultId).update();
  }
}
