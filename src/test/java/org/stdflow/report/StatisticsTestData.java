package org.stdflow.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Inserts register and supervision records directly, for tests that know every figure to expect. */
public final class StatisticsTestData {

  static final String PLACE = "centre-plant";

  private final JdbcClient jdbc;
  public final String suffix = UUID.randomUUID().toString().substring(0, 8);

  public StatisticsTestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A node of the standard system; code unique per test run. */
  public String node(String code, String name, String parent, int sortOrder) {
    jdbc.sql("INSERT INTO std_node (code, name, parent_code, sort_order) VALUES (:c, :n, :p, :o)")
        .param("c", code).param("n", name).param("p", parent).param("o", sortOrder).update();
    return code;
  }

  public record Standard(long id, Long versionId) {
  }

  /** A register entry; a version effective on {@code effective} when that is given. */
  public Standard standard(String label, String node, String type, String status, String section, LocalDate nextReview,
      LocalDate effective) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.of(2010, 1, 1, 9, 0));
    String code = "T/STAT " + label + "-" + suffix;
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code,
                                      next_review_date, created_by, created_at, updated_at)
            VALUES (:title, :node, :type, :section, :status, :code, :review, 'test', :now, :now)""")
        .param("title", "统计测试标准" + label + suffix).param("node", node).param("type", type).param("section", section)
        .param("status", status).param("code", code).param("review", nextReview).param("now", now)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    Long versionId = null;
    if (effective != null) {
      GeneratedKeyHolder v = new GeneratedKeyHolder();
      jdbc.sql("""
              INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at, approved_by)
              VALUES (:sid, 1, :code, 'IN_FORCE', :eff, :now, 'wangjianguo')""")
          .param("sid", id).param("code", code).param("eff", effective).param("now", now).update(v, "id");
      versionId = v.getKey().longValue();
      jdbc.sql("UPDATE std_standard SET current_version_id = :v, effective_date = :eff WHERE id = :id")
          .param("v", versionId).param("eff", effective).param("id", id).update();
    }
    return new Standard(id, versionId);
  }

  public void review(Standard s, LocalDateTime at) {
    jdbc.sql("""
            INSERT INTO std_review (standard_id, version_id, review_trigger, outcome, reviewed_by, reviewed_at)
            VALUES (:s, :v, 'PERIODIC', 'KEEP', 'zhaomin', :at)""")
        .param("s", s.id()).param("v", s.versionId()).param("at", at).update();
  }

  public long inspection(Standard s, String section, LocalDate date, String status) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO insp_inspection (inspection_date, standard_id, version_id, place_code, section_id, status,
                                         created_at)
            VALUES (:d, :s, :v, :p, :sec, :st, :at)""")
        .param("d", date).param("s", s.id()).param("v", s.versionId()).param("p", PLACE).param("sec", section)
        .param("st", status).param("at", date.atStartOfDay()).update(keys, "id");
    return keys.getKey().longValue();
  }

  public long rectification(Long inspectionId, Standard s, String section, String source, LocalDateTime opened,
      LocalDateTime closed) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO insp_rectification (inspection_id, standard_id, section_id, status, current_round, opened_at,
                                            closed_at, source, source_ref)
            VALUES (:i, :s, :sec, :st, 1, :o, :c, :src, :ref)""")
        .param("i", inspectionId).param("s", s == null ? null : s.id()).param("sec", section)
        .param("st", closed == null ? "OPEN" : "CLOSED").param("o", opened).param("c", closed).param("src", source)
        .param("ref", "INSPECTION".equals(source) ? null : source + "-" + UUID.randomUUID())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void round(long rectificationId, int no, LocalDateTime started, LocalDateTime deadline, LocalDateTime reinspected) {
    jdbc.sql("""
            INSERT INTO insp_rectification_round (rectification_id, round_no, severity, deadline, started_at,
                                                  reinspected_at, result)
            VALUES (:r, :n, 'MINOR', :d, :s, :ri, :res)""")
        .param("r", rectificationId).param("n", no).param("d", deadline).param("s", started).param("ri", reinspected)
        .param("res", reinspected == null ? null : "PASSED").update();
  }

  public void commendation(String kind, String source, String section, LocalDateTime at) {
    commendation(kind, source, section, at, null);
  }

  /** A praise or criticism; one of a rectification names the rectified standard. */
  public void commendation(String kind, String source, String section, LocalDateTime at, Standard standard) {
    jdbc.sql("""
            INSERT INTO insp_commendation (kind, source, section_id, standard_id, reason, recorded_by, recorded_at)
            VALUES (:k, :s, :sec, :std, '统计测试', 'wangjianguo', :at)""")
        .param("k", kind).param("s", source).param("sec", section).param("std", standard == null ? null : standard.id())
        .param("at", at).update();
  }

  /** The tree nodes of {@link #energy2011()}. */
  record Tree(String root, String child, String emptyChild) {
  }

  /**
   * A known data set in 2011 (a year no other test writes), in a tree node of its own, for the
   * energy section plus one canteen record; the figures are asserted by
   * {@code StatisticsApiTest.assertEveryFigureOfTheEnergySectionIn2011}.
   */
  Tree energy2011() {
    String energy = "sec-energy";
    String canteen = "sec-canteen";
    String root = node("ST" + suffix, "统计测试体系" + suffix, null, 90);
    String child = node("ST" + suffix + "-1", "统计测试节点一", root, 1);
    String emptyChild = node("ST" + suffix + "-2", "统计测试节点二", root, 2);

    var s1 = standard("S1", child, "INTERNAL", "IN_FORCE", energy, LocalDate.of(2011, 3, 15), LocalDate.of(2011, 2, 1));
    var s2 = standard("S2", child, "INTERNAL", "IN_FORCE", energy, LocalDate.of(2030, 1, 1), LocalDate.of(2010, 5, 1));
    var s3 = standard("S3", child, "NATIONAL", "IN_FORCE", energy, LocalDate.of(2011, 6, 30), LocalDate.of(2011, 9, 9));
    standard("S4", child, "REGULATION", "IN_FORCE", energy, LocalDate.of(2012, 5, 1), null);
    standard("S5", child, "INTERNAL", "DRAFTING", energy, null, null);
    standard("S6", child, "LOCAL", "REPEALED", energy, null, null);
    standard("S7", root, "REGULATION", "IN_FORCE", energy, null, null);
    var s8 = standard("S8", child, "INTERNAL", "IN_FORCE", canteen, LocalDate.of(2031, 1, 1), LocalDate.of(2009, 1, 1));
    review(s2, LocalDateTime.of(2011, 4, 1, 10, 0));
    review(s1, LocalDateTime.of(2010, 12, 31, 10, 0));   // before the period

    inspection(s1, energy, LocalDate.of(2011, 1, 10), "PASSED");
    inspection(s1, energy, LocalDate.of(2011, 1, 11), "PASSED");
    long failedJan = inspection(s1, energy, LocalDate.of(2011, 1, 12), "FAILED");
    inspection(s2, energy, LocalDate.of(2011, 2, 3), "MISSED");
    inspection(s2, energy, LocalDate.of(2011, 2, 4), "PASSED");
    inspection(s3, energy, LocalDate.of(2011, 3, 5), "PLANNED");        // not due yet: not counted
    long failedBefore = inspection(s1, energy, LocalDate.of(2010, 12, 31), "FAILED");   // before the period
    inspection(s8, canteen, LocalDate.of(2011, 1, 15), "FAILED");

    // closed in the period: 8, 3.5 and 32 days → mean 14.5
    long r1 = rectification(failedJan, s1, energy, "INSPECTION", LocalDateTime.of(2011, 1, 12, 10, 0),
        LocalDateTime.of(2011, 1, 20, 10, 0));
    round(r1, 1, LocalDateTime.of(2011, 1, 12, 10, 0), LocalDateTime.of(2011, 1, 15, 18, 0),
        LocalDateTime.of(2011, 1, 20, 10, 0));
    rectification(null, null, energy, "COMPLAINT", LocalDateTime.of(2011, 3, 1, 0, 0),
        LocalDateTime.of(2011, 3, 4, 12, 0));
    rectification(failedBefore, s1, energy, "INSPECTION", LocalDateTime.of(2010, 12, 31, 9, 0),
        LocalDateTime.of(2011, 2, 1, 9, 0));
    // open at the end of 2011: one overdue, one within its deadline, one re-inspected in time (closed in 2012)
    long r4 = rectification(null, s2, energy, "INSPECTION", LocalDateTime.of(2011, 11, 1, 8, 0), null);
    round(r4, 1, LocalDateTime.of(2011, 11, 1, 8, 0), LocalDateTime.of(2011, 11, 10, 18, 0), null);
    long r5 = rectification(null, s3, energy, "INSPECTION", LocalDateTime.of(2011, 12, 20, 8, 0), null);
    round(r5, 1, LocalDateTime.of(2011, 12, 20, 8, 0), LocalDateTime.of(2012, 1, 10, 18, 0), null);
    long r6 = rectification(null, null, energy, "SURVEY", LocalDateTime.of(2011, 6, 1, 8, 0),
        LocalDateTime.of(2012, 2, 1, 8, 0));
    round(r6, 1, LocalDateTime.of(2011, 6, 1, 8, 0), LocalDateTime.of(2011, 7, 1, 18, 0),
        LocalDateTime.of(2011, 6, 25, 10, 0));

    commendation("PRAISE", "QUARTERLY", energy, LocalDateTime.of(2011, 4, 1, 9, 0));
    commendation("CRITICISM", "RECTIFICATION", energy, LocalDateTime.of(2011, 5, 1, 9, 0), s1);
    commendation("CRITICISM", "QUARTERLY", energy, LocalDateTime.of(2011, 10, 1, 9, 0));
    commendation("PRAISE", "QUARTERLY", energy, LocalDateTime.of(2010, 12, 1, 9, 0));   // before the period

    return new Tree(root, child, emptyChild);
  }
}
