package org.stdflow.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.platform.validation.FieldRules;

/**
 * Checks the period chosen on the manual start of a cadence (start form or REST), so that a
 * malformed or future period fails the start with a Chinese message (REST 400) instead of an
 * incident. An empty field means the default period. Execution listener "start" on the none start
 * events; the timer start events have no form.
 */
@Component("validateCadenceStartListener")
class ValidateCadenceStartListener implements ExecutionListener {

  private final Clock clock;

  ValidateCadenceStartListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FieldRules rules = FieldRules.of(execution::getVariable);
    LocalDate today = LocalDate.now(clock);
    switch (execution.getCurrentActivityId()) {
      case WeeklyReportProcess.START -> {
        Object raw = execution.getVariable(WeeklyReportProcess.Vars.WEEK_DATE);
        if (!CadenceValues.isBlank(raw)) {
          LocalDate day = FieldRules.date(raw, clock.getZone());
          rules.rule(day == null, WeeklyReportProcess.Vars.WEEK_DATE, "报告周内的日期格式应为 yyyy-MM-dd，例如 2026-11-23")
              .rule(day != null && CadencePeriods.Week.of(day).start().isAfter(today), WeeklyReportProcess.Vars.WEEK_DATE,
                  "不能为以后的周发起周报");
        }
      }
      case MonthlyEvaluationProcess.START -> {
        String raw = rules.text(MonthlyEvaluationProcess.Vars.MONTH);
        if (!CadenceValues.isBlank(raw)) {
          YearMonth month = CadencePeriods.parseMonth(raw);
          rules.rule(month == null, MonthlyEvaluationProcess.Vars.MONTH, "评价月份格式应为 YYYY-MM，例如 2026-10")
              // the current month is not over: its evaluation would pre-empt the timer's of the whole month
              .rule(month != null && !month.isBefore(YearMonth.from(today)), MonthlyEvaluationProcess.Vars.MONTH,
                  "只能评价已结束的月份（本月 " + YearMonth.from(today) + " 结束后由系统于下月初自动发起）");
        }
      }
      case QuarterlyAssessmentProcess.START -> {
        String raw = rules.text(QuarterlyAssessmentProcess.Vars.QUARTER);
        if (!CadenceValues.isBlank(raw)) {
          CadencePeriods.Quarter quarter = CadencePeriods.Quarter.parse(raw);
          rules.rule(quarter == null, QuarterlyAssessmentProcess.Vars.QUARTER, "考核季度格式应为 YYYY-Qn，例如 2026-Q3")
              .rule(quarter != null && !quarter.isBefore(CadencePeriods.Quarter.of(today)),
                  QuarterlyAssessmentProcess.Vars.QUARTER, "只能考核已结束的季度（本季度 " + CadencePeriods.Quarter.of(today)
                      + " 结束后由系统于下季度初自动发起）");
        }
      }
      default -> {
        // no start form
      }
    }
    rules.throwIfInvalid();
  }
}
