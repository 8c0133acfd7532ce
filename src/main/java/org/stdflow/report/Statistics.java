package org.stdflow.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of the statistics dashboard and of the periodic reports, all computed from the
 * records at request time (see {@link StatisticsQueries} for each definition). Codes go with
 * their Chinese labels so that the JSON can be shown as it is.
 */
public record Statistics(Period period, Section section, Node node, String generatedAt, Standards standards,
    Reviews reviews, Inspections inspections, Rectifications rectifications, Commendations commendations,
    FeedbackStatistics.Complaints complaints, FeedbackStatistics.Satisfaction satisfaction, List<Section> sections) {

  /** The period, inclusive, with a Chinese label. */
  public record Period(LocalDate from, LocalDate to, String label) {
  }

  public record Section(String id, String name) {
  }

  public record Node(String code, String name) {
  }

  /** A count of one code. */
  public record Count(String code, String label, int count) {
  }

  /**
   * The register as it stands now (the standard system is a current state, not a period's).
   *
   * @param total entries of every status
   * @param inForce entries in force (现行有效)
   * @param internal in force, internal standards (内部标准)
   * @param adopted in force, adopted national and local standards (采用的国家、地方标准)
   * @param regulation in force, regulations (规章制度)
   * @param byType in force, per type
   * @param byStatus every status, per status
   * @param byNode in force per node of the tree (subtree included), in tree order
   * @param coverage leaf nodes of the tree with at least one standard in force
   * @param publishedInPeriod versions that took effect in the period
   */
  public record Standards(int total, int inForce, int internal, int adopted, int regulation, List<Count> byType,
      List<Count> byStatus, List<NodeCount> byNode, Coverage coverage, int publishedInPeriod) {
  }

  public record NodeCount(String code, String name, String parentCode, int level, int inForce, int internal,
      int adopted, int regulation) {
  }

  /** @param rate covered ÷ leaves in per cent, one decimal; null when there is no leaf */
  public record Coverage(int leafNodes, int coveredLeafNodes, BigDecimal rate) {
  }

  /**
   * @param dueInPeriod standards in force whose next review date falls in the period
   * @param overdue standards in force whose next review date has passed (today)
   * @param completedInPeriod reviews recorded in the period
   * @param overdueStandards the overdue ones, earliest first
   */
  public record Reviews(int dueInPeriod, int overdue, int completedInPeriod, List<OverdueReview> overdueStandards) {
  }

  public record OverdueReview(long id, String code, String title, String section, String sectionName,
      LocalDate nextReviewDate) {
  }

  /**
   * Daily inspections with an inspection date in the period. {@code done} = passed + failed; pass
   * rate = passed ÷ (passed + failed + missed) in per cent with one decimal, null when nothing was
   * due — the definition of the weekly, monthly and quarterly cadences.
   */
  public record Inspections(int done, int passed, int failed, int missed, BigDecimal passRate,
      List<InspectionRow> bySection, List<InspectionRow> byMonth) {
  }

  /** @param key section id or month (YYYY-MM); label its Chinese name */
  public record InspectionRow(String key, String label, int passed, int failed, int missed, BigDecimal passRate) {
  }

  /**
   * @param opened opened in the period
   * @param closed closed in the period
   * @param open open at the end of the period (or now, if earlier)
   * @param overdue open then with a round past its deadline and not re-inspected by then
   * @param meanDaysToClose mean of (closed − opened) in days over those closed in the period; null: none
   * @param bySource opened in the period, per source (检查, 投诉, 满意度测评)
   */
  public record Rectifications(int opened, int closed, int open, int overdue, BigDecimal meanDaysToClose,
      List<Count> bySource, List<RectificationRow> bySection) {
  }

  public record RectificationRow(String section, String sectionName, int opened, int closed, int open, int overdue,
      BigDecimal meanDaysToClose) {
  }

  /** 表扬 and 通报批评 recorded in the period. */
  public record Commendations(int praise, int criticism, List<CommendationRow> bySection) {
  }

  public record CommendationRow(String section, String sectionName, int praise, int criticism) {
  }
}
