package org.stdflow.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * The supervision records (tables of V5__inspection_records.sql), written by the daily inspection
 * and rectification processes inside the engine transaction of the step that causes them.
 */
@Repository
public class InspectionRecords {

  private final JdbcClient jdbc;
  private final Clock clock;

  InspectionRecords(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A standard × place that has checklist items, the unit of a daily inspection. */
  public record Plannable(long standardId, long versionId, String placeCode, String sectionId) {
  }

  /** One inspection with what the forms and mails show of it. */
  public record Inspection(long id, LocalDate date, long standardId, long versionId, String standardCode,
      String standardTitle, String placeCode, String placeName, String sectionId, String status,
      String processInstanceId, String inspector, BigDecimal passRate, Integer criticalFailures, String severity,
      Integer rectificationDays, String note) {

    public String standardLabel() {
      return (standardCode == null ? "" : standardCode + " ") + standardTitle;
    }
  }

  /** One answered checklist item. */
  public record ItemResult(int sortOrder, Long itemId, String clauseRef, String requirement, int weight,
      boolean critical, String result, String note) {
  }

  /** One failed item to rectify. */
  public record Finding(long id, int sortOrder, String clauseRef, String requirement, int weight, boolean critical,
      String note, String status, Integer resolvedRound, String lastCheckNote) {
  }

  /** A rectification and its current round; inspection and standard are null for some sources. */
  public record Rectification(long id, Long inspectionId, Long standardId, String sectionId, String status,
      int currentRound, String processInstanceId, String source, String sourceRef, String subject) {
  }

  /** A finding of a rectification that has no checklist behind it (a complaint, a survey). */
  public record NewFinding(String clauseRef, String requirement, int weight, boolean critical, String note) {
  }

  // ------------------------------------------------------------------------------ inspections

  /** Standard × place pairs in force with checklist items that have no inspection on {@code date} yet. */
  public List<Plannable> plannable(LocalDate date) {
    return jdbc.sql("""
            SELECT DISTINCT s.id, s.current_version_id, p.place_code, s.responsible_section, pl.sort_order
              FROM std_standard s
              JOIN insp_checklist_item i ON i.version_id = s.current_version_id
              JOIN insp_item_place p ON p.item_id = i.id
              JOIN insp_place pl ON pl.code = p.place_code
             WHERE s.status = 'IN_FORCE'
               AND NOT EXISTS (SELECT 1 FROM insp_inspection x
                                WHERE x.inspection_date = :d AND x.standard_id = s.id AND x.place_code = p.place_code)
             ORDER BY s.id, pl.sort_order, p.place_code""")
        .param("d", date)
        .query((rs, n) -> new Plannable(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Plans one inspection; empty when another run planned it first. */
  public Optional<Long> plan(LocalDate date, Plannable p, String processInstanceId) {
    KeyHolder keys = new GeneratedKeyHolder();
    int rows = jdbc.sql("""
            INSERT INTO insp_inspection (inspection_date, standard_id, version_id, place_code, section_id, status,
                                         process_instance_id, created_at)
            SELECT :d, :s, :v, :p, :sec, 'PLANNED', :pi, :now FROM (VALUES (1)) AS one (x)
             WHERE NOT EXISTS (SELECT 1 FROM insp_inspection
                                WHERE inspection_date = :d AND standard_id = :s AND place_code = :p)""")
        .param("d", date).param("s", p.standardId()).param("v", p.versionId()).param("p", p.placeCode())
        .param("sec", p.sectionId()).param("pi", processInstanceId).param("now", now())
        .update(keys, "id");
    return rows == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
  }

  public Inspection inspection(long id) {
    return jdbc.sql("""
            SELECT x.id, x.inspection_date, x.standard_id, x.version_id, COALESCE(v.code, s.code), s.title,
                   x.place_code, pl.name, x.section_id, x.status, x.process_instance_id, x.inspector, x.pass_rate,
                   x.critical_failures, x.severity, x.rectification_days, x.note
              FROM insp_inspection x
              JOIN std_standard s ON s.id = x.standard_id
              JOIN std_version v ON v.id = x.version_id
              JOIN insp_place pl ON pl.code = x.place_code
             WHERE x.id = :id""")
        .param("id", id)
        .query((rs, n) -> new Inspection(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getBigDecimal(13),
            (Integer) rs.getObject(14, Integer.class), rs.getString(15), (Integer) rs.getObject(16, Integer.class),
            rs.getString(17)))
        .single();
  }

  /** Stores the answers; returns the weighted pass rate and the number of failed critical items. */
  public Score recordAnswers(long inspectionId, String inspector, List<ItemResult> results, String note) {
    jdbc.sql("DELETE FROM insp_item_result WHERE inspection_id = :id").param("id", inspectionId).update();
    for (ItemResult r : results) {
      jdbc.sql("""
              INSERT INTO insp_item_result (inspection_id, sort_order, item_id, clause_ref, requirement, weight,
                                            critical, result, note)
              VALUES (:i, :o, :item, :c, :r, :w, :k, :res, :note)""")
          .param("i", inspectionId).param("o", r.sortOrder()).param("item", r.itemId()).param("c", r.clauseRef())
          .param("r", r.requirement()).param("w", r.weight()).param("k", r.critical()).param("res", r.result())
          .param("note", r.note()).update();
    }
    Score score = Score.of(results);
    jdbc.sql("""
            UPDATE insp_inspection SET inspector = :u, note = :note, pass_rate = :rate, critical_failures = :cf,
                   completed_at = :now WHERE id = :id""")
        .param("u", inspector).param("note", note).param("rate", score.passRate()).param("cf", score.criticalFailures())
        .param("now", now()).param("id", inspectionId).update();
    return score;
  }

  public List<ItemResult> itemResults(long inspectionId) {
    return jdbc.sql("""
            SELECT sort_order, item_id, clause_ref, requirement, weight, critical, result, note
              FROM insp_item_result WHERE inspection_id = :id ORDER BY sort_order""")
        .param("id", inspectionId)
        .query((rs, n) -> new ItemResult(rs.getInt(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
            rs.getString(4), rs.getInt(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
        .list();
  }

  /** The DMN's verdict on an inspection. */
  public void recordVerdict(long inspectionId, boolean passed, String severity, Integer rectificationDays) {
    jdbc.sql("UPDATE insp_inspection SET status = :st, severity = :sev, rectification_days = :days WHERE id = :id")
        .param("st", passed ? "PASSED" : "FAILED").param("sev", severity).param("days", rectificationDays)
        .param("id", inspectionId).update();
  }

  public void markMissed(long inspectionId) {
    jdbc.sql("UPDATE insp_inspection SET status = 'MISSED', completed_at = :now WHERE id = :id AND status = 'PLANNED'")
        .param("now", now()).param("id", inspectionId).update();
  }

  /**
   * The weighted pass rate (0–100, items not applicable left out; 100 when nothing applied) and the
   * number of failed items, critical ones and all.
   */
  public record Score(BigDecimal passRate, int criticalFailures, int failedItems) {

    static Score of(List<ItemResult> results) {
      long total = 0;
      long passed = 0;
      int critical = 0;
      int failed = 0;
      for (ItemResult r : results) {
        if (DailyInspectionProcess.Results.NOT_APPLICABLE.equals(r.result())) {
          continue;
        }
        total += r.weight();
        if (DailyInspectionProcess.Results.PASS.equals(r.result())) {
          passed += r.weight();
        } else {
          failed++;
          critical += r.critical() ? 1 : 0;
        }
      }
      BigDecimal rate = total == 0 ? BigDecimal.valueOf(100).setScale(2)
          : BigDecimal.valueOf(passed * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
      return new Score(rate, critical, failed);
    }
  }

  // ---------------------------------------------------------------------------- rectifications

  /** Opens the rectification of a failed inspection with its failed items as findings (idempotent). */
  public long openRectification(long inspectionId, String processInstanceId) {
    Optional<Long> existing = jdbc.sql("SELECT id FROM insp_rectification WHERE inspection_id = :i")
        .param("i", inspectionId).query(Long.class).optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    Inspection x = inspection(inspectionId);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO insp_rectification (inspection_id, standard_id, section_id, process_instance_id, status,
                                            current_round, opened_at, source, source_ref)
            VALUES (:i, :s, :sec, :pi, 'OPEN', 0, :now, 'INSPECTION', :ref)""")
        .param("i", inspectionId).param("s", x.standardId()).param("sec", x.sectionId()).param("pi", processInstanceId)
        .param("now", now()).param("ref", String.valueOf(inspectionId)).update(keys, "id");
    long id = keys.getKey().longValue();
    int order = 1;
    for (ItemResult r : itemResults(inspectionId)) {
      if (DailyInspectionProcess.Results.FAIL.equals(r.result())) {
        jdbc.sql("""
                INSERT INTO insp_finding (rectification_id, sort_order, clause_ref, requirement, weight, critical, note,
                                          status)
                VALUES (:r, :o, :c, :req, :w, :k, :note, 'OPEN')""")
            .param("r", id).param("o", order++).param("c", r.clauseRef()).param("req", r.requirement())
            .param("w", r.weight()).param("k", r.critical()).param("note", r.note()).update();
      }
    }
    return id;
  }

  public Rectification rectification(long id) {
    return jdbc.sql("""
            SELECT id, inspection_id, standard_id, section_id, status, current_round, process_instance_id, source,
                   source_ref, subject
              FROM insp_rectification WHERE id = :id""")
        .param("id", id)
        .query((rs, n) -> new Rectification(rs.getLong(1), (Long) rs.getObject(2, Long.class),
            (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10)))
        .single();
  }

  /**
   * Opens a rectification of another source (COMPLAINT, SURVEY) with its findings; idempotent per
   * source and reference.
   */
  public long openRectification(String source, String sourceRef, Long standardId, String sectionId, String subject,
      List<NewFinding> findings) {
    Optional<Long> existing = jdbc.sql("SELECT id FROM insp_rectification WHERE source = :src AND source_ref = :ref")
        .param("src", source).param("ref", sourceRef).query(Long.class).optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO insp_rectification (standard_id, section_id, status, current_round, opened_at, source,
                                            source_ref, subject)
            VALUES (:s, :sec, 'OPEN', 0, :now, :src, :ref, :subject)""")
        .param("s", standardId).param("sec", sectionId).param("now", now()).param("src", source).param("ref", sourceRef)
        .param("subject", subject).update(keys, "id");
    long id = keys.getKey().longValue();
    int order = 1;
    for (NewFinding f : findings) {
      jdbc.sql("""
              INSERT INTO insp_finding (rectification_id, sort_order, clause_ref, requirement, weight, critical, note,
                                        status)
              VALUES (:r, :o, :c, :req, :w, :k, :note, 'OPEN')""")
          .param("r", id).param("o", order++).param("c", f.clauseRef()).param("req", f.requirement())
          .param("w", f.weight()).param("k", f.critical()).param("note", f.note()).update();
    }
    return id;
  }

  public void setRectificationProcess(long rectificationId, String processInstanceId) {
    jdbc.sql("UPDATE insp_rectification SET process_instance_id = :pi WHERE id = :id").param("pi", processInstanceId)
        .param("id", rectificationId).update();
  }

  public List<Finding> findings(long rectificationId) {
    return jdbc.sql("""
            SELECT id, sort_order, clause_ref, requirement, weight, critical, note, status, resolved_round,
                   last_check_note
              FROM insp_finding WHERE rectification_id = :r ORDER BY sort_order""")
        .param("r", rectificationId)
        .query((rs, n) -> new Finding(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getBoolean(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9, Integer.class),
            rs.getString(10)))
        .list();
  }

  /** Starts round {@code roundNo} with its deadline. */
  public void openRound(long rectificationId, int roundNo, String severity, Instant deadline) {
    jdbc.sql("""
            INSERT INTO insp_rectification_round (rectification_id, round_no, severity, deadline, started_at)
            SELECT :r, :n, :sev, :d, :now FROM (VALUES (1)) AS one (x)
             WHERE NOT EXISTS (SELECT 1 FROM insp_rectification_round WHERE rectification_id = :r AND round_no = :n)""")
        .param("r", rectificationId).param("n", roundNo).param("sev", severity).param("d", Timestamp.from(deadline))
        .param("now", now()).update();
    jdbc.sql("UPDATE insp_rectification SET current_round = :n WHERE id = :r").param("n", roundNo)
        .param("r", rectificationId).update();
  }

  public void recordReport(long rectificationId, int roundNo, String measures, String userId) {
    jdbc.sql("""
            UPDATE insp_rectification_round SET measures = :m, reported_by = :u, reported_at = :now
             WHERE rectification_id = :r AND round_no = :n""")
        .param("m", measures).param("u", userId).param("now", now()).param("r", rectificationId).param("n", roundNo)
        .update();
  }

  /** One finding as the re-inspection found it. */
  public record FindingCheck(long findingId, boolean resolved, String note) {
  }

  /** Stores the re-inspection of a round; returns whether every finding is now resolved. */
  public boolean recordReinspection(long rectificationId, int roundNo, String userId, List<FindingCheck> checks,
      String note) {
    for (FindingCheck c : checks) {
      jdbc.sql("""
              UPDATE insp_finding SET status = :st, resolved_round = :rr, last_check_note = :note
               WHERE id = :id AND rectification_id = :r AND status = 'OPEN'""")
          .param("st", c.resolved() ? "RESOLVED" : "OPEN").param("rr", c.resolved() ? roundNo : null)
          .param("note", c.note()).param("id", c.findingId()).param("r", rectificationId).update();
    }
    boolean passed = findings(rectificationId).stream().allMatch(f -> "RESOLVED".equals(f.status()));
    jdbc.sql("""
            UPDATE insp_rectification_round SET reinspected_by = :u, reinspected_at = :now, result = :res,
                   reinspection_note = :note
             WHERE rectification_id = :r AND round_no = :n""")
        .param("u", userId).param("now", now()).param("res", passed ? "PASSED" : "FAILED").param("note", note)
        .param("r", rectificationId).param("n", roundNo).update();
    return passed;
  }

  /** The inspection's score as it stands after rectification: resolved findings count as passed. */
  public Score scoreAfterRectification(long rectificationId) {
    Rectification r = rectification(rectificationId);
    if (r.inspectionId() == null) {
      // no checklist behind it: the findings themselves, resolved ones counted as passed
      return Score.of(findings(rectificationId).stream()
          .map(f -> new ItemResult(f.sortOrder(), null, f.clauseRef(), f.requirement(), f.weight(), f.critical(),
              "RESOLVED".equals(f.status()) ? DailyInspectionProcess.Results.PASS : DailyInspectionProcess.Results.FAIL,
              f.note()))
          .toList());
    }
    List<String> open = findings(rectificationId).stream().filter(f -> "OPEN".equals(f.status()))
        .map(f -> f.clauseRef() + "\u0000" + f.requirement()).toList();
    List<ItemResult> now = itemResults(r.inspectionId()).stream()
        .map(i -> DailyInspectionProcess.Results.FAIL.equals(i.result())
            && !open.contains(i.clauseRef() + "\u0000" + i.requirement())
            ? new ItemResult(i.sortOrder(), i.itemId(), i.clauseRef(), i.requirement(), i.weight(), i.critical(),
                DailyInspectionProcess.Results.PASS, i.note())
            : i)
        .toList();
    return Score.of(now);
  }

  public void close(long rectificationId, String effectivenessNote) {
    jdbc.sql("UPDATE insp_rectification SET status = 'CLOSED', closed_at = :now, effectiveness_note = :n WHERE id = :r")
        .param("now", now()).param("n", effectivenessNote).param("r", rectificationId).update();
  }

  public void markReminded(long rectificationId, int roundNo) {
    jdbc.sql("UPDATE insp_rectification_round SET reminded_at = :now WHERE rectification_id = :r AND round_no = :n")
        .param("now", now()).param("r", rectificationId).param("n", roundNo).update();
  }

  public void markEscalated(long rectificationId, int roundNo) {
    jdbc.sql("UPDATE insp_rectification_round SET escalated_at = :now WHERE rectification_id = :r AND round_no = :n")
        .param("now", now()).param("r", rectificationId).param("n", roundNo).update();
  }

  public void markReviewRequested(long rectificationId) {
    jdbc.sql("UPDATE insp_rectification SET review_requested = TRUE WHERE id = :r").param("r", rectificationId)
        .update();
  }

  /** Failed re-inspection rounds of a standard's rectifications since {@code since}. */
  public int failedRoundsSince(long standardId, Instant since) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM insp_rectification_round d JOIN insp_rectification r ON r.id = d.rectification_id
             WHERE r.standard_id = :s AND d.result = 'FAILED' AND d.reinspected_at >= :since""")
        .param("s", standardId).param("since", Timestamp.from(since)).query(Integer.class).single();
  }

  /** Whether an out-of-cycle review was already asked for this standard within the window. */
  public boolean reviewRequestedSince(long standardId, Instant since) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM insp_rectification
             WHERE standard_id = :s AND review_requested = TRUE AND opened_at >= :since""")
        .param("s", standardId).param("since", Timestamp.from(since)).query(Integer.class).single() > 0;
  }

  // ------------------------------------------------------------------------- praise, criticism

  public long recordCommendation(String kind, String source, String sectionId, Long standardId, Long rectificationId,
      String period, String reason, String recordedBy, String processInstanceId) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO insp_commendation (kind, source, section_id, standard_id, rectification_id, period, reason,
                                           recorded_by, recorded_at, process_instance_id)
            VALUES (:k, :src, :sec, :s, :r, :p, :reason, :by, :now, :pi)""")
        .param("k", kind).param("src", source).param("sec", sectionId).param("s", standardId)
        .param("r", rectificationId).param("p", period).param("reason", reason).param("by", recordedBy)
        .param("now", now()).param("pi", processInstanceId).update(keys, "id");
    return keys.getKey().longValue();
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }
}
