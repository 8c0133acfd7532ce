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
import org.stdflow.platform.security.AsEngine;

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
    java.util.Set<Long> beingEntered = beingEntered(execution, quarter);
    List<Long> ids = new ArrayList<>();
    for (SurveyRecords.Survey s : surveys.activeSurveys()) {
      if (!surveys.resultExists(s.id(), quarter.toString()) && !beingEntered.contains(s.id())) {
        ids.add(s.id());
      }
    }
    execution.setVariable(SURVEY_IDS, ids);
  }

  /**
   * Services of the quarter whose results an earlier round is still waiting for (an open 录入测评结果):
   * a second round must not give the office a second task for them, which could never be completed
   * once the first one is.
   */
  private static java.util.Set<Long> beingEntered(DelegateExecution execution, SurveyQuarter quarter) {
    var services = execution.getProcessEngineServices();
    // the rounds' tasks, whoever started this one
    return AsEngine.get(services.getIdentityService(), () -> {
      java.util.Set<Long> ids = new java.util.HashSet<>();
      for (var task : services.getTaskService().createTaskQuery().processDefinitionKey(SatisfactionSurveyProcess.KEY)
          .taskDefinitionKey(SatisfactionSurveyProcess.TASK_ENTER_RESULTS)
          .processInstanceBusinessKey("survey-" + quarter).list()) {
        if (!task.getProcessInstanceId().equals(execution.getProcessInstanceId())
            && services.getTaskService().getVariable(task.getId(), SURVEY_ID) instanceof Number id) {
          ids.add(id.longValue());
        }
      }
      return ids;
    });
  }
}
