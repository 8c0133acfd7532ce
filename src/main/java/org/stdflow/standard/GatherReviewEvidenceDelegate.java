package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 汇集复审依据: what the responsible section sees when it reviews the standard — why the review
 * happens, how long the version has been in force, training and acknowledgement. Supervision data
 * (inspection pass rate, open rectifications, complaints) joins this text when those records exist.
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
        .append("**监督检查、整改与投诉：** 暂无记录。");
    execution.setVariable(REVIEW_EVIDENCE, evidence.toString());
  }

  private long count(String sql, Long versionId) {
    if (versionId == null) {
      return 0;
    }
    return jdbc.sql(sql).param("v", versionId).query(Long.class).single();
  }
}
