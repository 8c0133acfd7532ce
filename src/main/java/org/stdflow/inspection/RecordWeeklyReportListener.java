package org.stdflow.inspection;

import static org.stdflow.inspection.WeeklyReportProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stdflow.platform.validation.FieldRules;

/**
 * Checks and records one section's weekly report when its "提交周报" task completes. An execution
 * listener ("end" on the multi-instance user task, so it runs once per section), because its
 * FormValidationException reaches Tasklist and REST callers as a 400 with the Chinese message,
 * while a task listener's would become a 500. The figures recorded are the ones the form showed
 * (the process variable), not what a client sends back in the read-only fields.
 */
@Component("recordWeeklyReportListener")
class RecordWeeklyReportListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(RecordWeeklyReportListener.class);

  private final CadenceRecords records;
  private final Clock clock;

  RecordWeeklyReportListener(CadenceRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String section = (String) execution.getVariable(SECTION);
    SpinJsonNode shown = CadenceValues.json(execution.getVariable(FIGURES)).prop(section);
    String sectionName = CadenceValues.text(shown, SECTION_NAME);
    Authentication caller = CadenceValues.caller(execution.getProcessEngineServices());
    FieldRules rules = FieldRules.of(execution::getVariable)
        .rule(!CadenceValues.isMember(execution.getProcessEngineServices(), caller, section), SECTION,
            "只有" + sectionName + "的人员可以提交本科室的周报")
        .requiredText(SUMMARY, "本周工作小结", 1, 2000)
        .optionalText(PROBLEMS, "存在问题", 2000)
        .optionalText(NEXT_WEEK_PLAN, "下周工作计划", 2000);
    rules.throwIfInvalid();

    CadencePeriods.Week week = CadencePeriods.Week.of(LocalDate.parse((String) execution.getVariable(WEEK_START)));
    SupervisionFigures.Figures f = new SupervisionFigures.Figures(
        integer(shown, INSPECTIONS), 0, integer(shown, FAILED), integer(shown, MISSED),
        shown.prop(PASS_RATE).isNull() ? null : new java.math.BigDecimal(shown.prop(PASS_RATE).numberValue().toString()),
        integer(shown, RECT_OPENED), 0, integer(shown, RECT_OPEN), integer(shown, RECT_OVERDUE), 0);
    boolean inserted = records.insertWeeklyReport(week, section, f, rules.text(SUMMARY).strip(),
        blankToNull(rules.text(PROBLEMS)), blankToNull(rules.text(NEXT_WEEK_PLAN)), caller.getUserId(),
        LocalDateTime.now(clock), execution.getProcessInstanceId());
    if (!inserted) {
      LOG.warn("Weekly report of {} for the week from {} exists already (another run); the first one stands",
          section, week.start());
    }
  }

  private static int integer(SpinJsonNode node, String prop) {
    Integer v = CadenceValues.integer(node.prop(prop));
    return v == null ? 0 : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
