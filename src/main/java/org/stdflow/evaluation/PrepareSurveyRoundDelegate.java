package org.stdflow.evaluation;

import static org.stdflow.evaluation.SatisfactionSurveyProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.LifecycleValues;

/**
 * The start of a survey round. As a start listener it checks the quarter chosen by hand (YYYY-Qn,
 * not after the current quarter; empty means the quarter just ended, as when the timer fires). As
 * the delegate of 确定测评服务 it fixes the quarter, names the run (survey-2026-Q3) and lists the
 * active surveys whose results for that quarter are not recorded yet: a second round for the same
 * quarter only picks up what is missing.
 */
@Component("prepareSurveyRoundDelegate")
class PrepareSurveyRoundDelegate implements JavaDelegate, ExecutionListener {

  private final SurveyRecords surveys;
  private final Clock clock;

  PrepareSurveyRoundDelegate(SurveyRecords surveys, Clock clock) {
    this.surveys = surveys;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FieldRules rules = FieldRules.of(execution::getVariable);
    String raw = rules.text(QUARTER);
    if (!LifecycleValues.isBlank(raw)) {
      SurveyQuarter quarter = SurveyQuarter.parse(raw);
      rules.rule(quarter == null, QUARTER, "测评季度格式应为 YYYY-Qn，例如 2026-Q3（收到“" + raw + "”）")
          .rule(quarter != null && quarter.isAfter(SurveyQuarter.of(LocalDate.now(clock))), QUARTER,
              "测评季度不能晚于本季度");
    }
    rules.throwIfInvalid();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String raw = LifecycleValues.string(execution, QUARTER);
    SurveyQuarter quarter = LifecycleValues.isBlank(raw) ? SurveyQuarter.of(LocalDate.now(clock)).previous()
        : SurveyQuarter.parse(raw);
    execution.setProcessBusinessKey("survey-" + quarter);
    execution.setVariable(QUARTER, quarter.toString());
    execution.setVariable(QUARTER_LABEL, quarter.label());
    List<Long> ids = new ArrayList<>();
    for (SurveyRecords.Survey s : surveys.activeSurveys()) {
      if (!surveys.resultExists(s.id(), quarter.toString())) {
        ids.add(s.id());
      }
    }
    execution.setVariable(SURVEY_IDS, ids);
  }
}
