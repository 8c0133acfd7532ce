package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 汇集复审依据: what the responsible section sees when it reviews the standard — why the review
 * happens, how long the version has been in force, training and acknowledgement. Supervision data
 * (inspections and their pass rate, rectifications and criticism, complaints, defects and suggestions naming
 * the standard) since the version took effect.
 */
@Component("gatherReviewEvidenceDelegate")
class GatherReviewEvidenceDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final JdbcClient jdbc;
  private final Clock clock;

  GatherReviewEvidenceDelegate(StandardRegister register, JdbcClient jdbc, Clock clock) {
    this.register = register;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    StandardRegister.Standard standard = register.get(standardId);
    // the message of an out-of-cycle review sets the trigger; the timer path leaves it empty
    String trigger = LifecycleValues.string(execution, REVIEW_TRIGGER);
    if (trigger == null) {
      trigger = "PERIODIC";
      execution.setVariable(REVIEW_TRIGGER, trigger);
    }
    String reason = LifecycleValues.string(execution, REVIEW_TRIGGER_REASON);
    execution.setVariable(REVIEW_TRIGGER_LABEL, "PERIODIC".equals(trigger)
        ? "定期复审（复审日期 " + standard.nextReviewDate() + " 已到）"
        : "计划外复审：" + (reason == null ? "" : reason));

    LocalDate today = LocalDate.now(clock);
    long days = standard.effectiveDate() == null ? 0 : ChronoUnit.DAYS.between(standard.effectiveDate(), today);
    Long versionId = standard.currentVersionId();
    long trainings = count("SELECT COUNT(*) FROM std_training WHERE version_id = :v", versionId);
    long expected = count("SELECT COUNT(*) FROM std_acknowledgement WHERE version_id = :v", versionId);
    long acknowledged = count(
        "SELECT COUNT(*) FROM std_acknowledgement WHERE version_id = :v AND acknowledged_at IS NOT NULL", versionId);
    long reviews = count("SELECT COUNT(*) FROM std_review WHERE version_id = :v", versionId);
    StringBuilder evidence = new StringBuilder()
        .append("**现行版本：** ").append(standard.code()).append("，自 ").append(standard.effectiveDate())
        .append(" 起实施，已实施 ").append(days).append(" 天。\n\n")
        .append("**宣传培训：** ").append(trainings).append(" 次；阅知 ").append(acknowledged).append(" / ")
        .append(expected).append(" 人。\n\n")
        .append("**本版本此前复审：** ").append(reviews).append(" 次。\n\n")
        .append(supervision(standardId, standard.effectiveDate(), today));
    execution.setVariable(REVIEW_EVIDENCE, evidence.toString());
  }

  /**
   * Inspections (pass rate as the cadences define it), rectifications and feedback about the standard
   * since its version took effect — read from the supervision and evaluation tables, which hold the
   * standard's id.
   */
  private String supervision(long standardId, LocalDate since, LocalDate today) {
    LocalDate from = since == null ? today.minusYears(3) : since;
    Map<String, Long> inspections = new HashMap<>();
    jdbc.sql("""
            SELECT status, COUNT(*) FROM insp_inspection
             WHERE standard_id = :s AND inspection_date BETWEEN :from AND :to AND status IN ('PASSED', 'FAILED', 'MISSED')
             GROUP BY status""").param("s", standardId).param("from", from).param("to", today)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
        .forEach(e -> inspections.put(e.getKey(), e.getValue()));
    long passed = inspections.getOrDefault("PASSED", 0L);
    long failed = inspections.getOrDefault("FAILED", 0L);
    long missed = inspections.getOrDefault("MISSED", 0L);
    java.sql.Timestamp start = java.sql.Timestamp.valueOf(from.atStartOfDay());
    long opened = jdbc.sql("SELECT COUNT(*) FROM insp_rectification WHERE standard_id = :s AND opened_at >= :from")
        .param("s", standardId).param("from", start).query(Long.class).single();
    long open = jdbc.sql("SELECT COUNT(*) FROM insp_rectification WHERE standard_id = :s AND status = 'OPEN'")
        .param("s", standardId).query(Long.class).single();
    long criticisms = jdbc.sql("""
            SELECT COUNT(*) FROM insp_commendation WHERE standard_id = :s AND kind = 'CRITICISM' AND recorded_at >= :from""")
        .param("s", standardId).param("from", start).query(Long.class).single();
    Map<String, Long> feedback = new HashMap<>();
    jdbc.sql("""
            SELECT feedback_type, COUNT(*) FROM ev_feedback
             WHERE standard_id = :s AND submitted_at >= :from AND status <> 'REJECTED' GROUP BY feedback_type""")
        .param("s", standardId).param("from", start)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
        .forEach(e -> feedback.put(e.getKey(), e.getValue()));
    long substantiated = jdbc.sql("""
            SELECT COUNT(*) FROM ev_feedback WHERE standard_id = :s AND submitted_at >= :from
               AND feedback_type = 'COMPLAINT' AND substantiated = TRUE""")
        .param("s", standardId).param("from", start).query(Long.class).single();

    StringBuilder b = new StringBuilder("**监督检查（").append(from).append(" 以来）：** ");
    long due = passed + failed + missed;
    if (due == 0) {
      b.append("暂无应检记录。");
    } else {
      b.append("应检 ").append(due).append(" 次，合格 ").append(passed).append("、不合格 ").append(failed)
          .append("、漏检 ").append(missed).append("，合格率 ")
          .append(java.math.BigDecimal.valueOf(passed * 1000 / due, 1).stripTrailingZeros().toPlainString()).append("%。");
    }
    b.append("\n\n**整改：** 开出 ").append(opened).append(" 项，未结 ").append(open).append(" 项；通报批评 ")
        .append(criticisms).append(" 次。\n\n**意见反馈：** 投诉 ").append(feedback.getOrDefault("COMPLAINT", 0L))
        .append(" 件（属实 ").append(substantiated).append(" 件）、标准缺陷 ").append(feedback.getOrDefault("DEFECT", 0L))
        .append(" 件、建议 ").append(feedback.getOrDefault("SUGGESTION", 0L)).append(" 件。");
    return b.toString();
  }

  private long count(String sql, Long versionId) {
    if (versionId == null) {
      return 0;
    }
    return jdbc.sql(sql).param("v", versionId).query(Long.class).single();
  }
}
