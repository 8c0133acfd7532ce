package org.stdflow.inspection;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.platform.validation.FieldRules;

/** The start form of a daily inspection started by hand: a day that is not in the future, at most 30 days back. */
@Component("validateDailyStartListener")
class ValidateDailyStartListener implements ExecutionListener {

  static final int MAX_DAYS_BACK = 30;

  private final Clock clock;

  ValidateDailyStartListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object raw = execution.getVariable(DailyInspectionProcess.Vars.INSPECTION_DATE);
    FieldRules rules = FieldRules.of(execution::getVariable);
    if (raw != null && !raw.toString().isBlank()) {
      LocalDate today = LocalDate.now(clock);
      LocalDate date = FieldRules.date(raw, clock.getZone());
      rules.rule(date == null, DailyInspectionProcess.Vars.INSPECTION_DATE, "检查日期不是有效日期（格式 yyyy-MM-dd）");
      rules.rule(date != null && date.isAfter(today), DailyInspectionProcess.Vars.INSPECTION_DATE, "检查日期不能晚于今天");
      rules.rule(date != null && date.isBefore(today.minusDays(MAX_DAYS_BACK)), DailyInspectionProcess.Vars.INSPECTION_DATE,
          "检查日期最多只能补录 " + MAX_DAYS_BACK + " 天以内的检查");
    }
    rules.throwIfInvalid();
  }
}
