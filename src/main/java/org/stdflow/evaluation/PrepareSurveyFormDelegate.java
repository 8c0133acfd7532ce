package org.stdflow.evaluation;

import static org.stdflow.evaluation.SatisfactionSurveyProcess.Vars.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLabels;

/**
 * 准备测评表: puts one service's questions into its own scope (the multi-instance subprocess),
 * one row per question with an empty count per scale point, together with every variable the form
 * or the recording writes, so the services of a round never share a variable. The questions also
 * stay in {@code expectedQuestions}, which the form does not touch: rows are matched against it.
 */
@Component("prepareSurveyFormDelegate")
class PrepareSurveyFormDelegate implements JavaDelegate {

  private final SurveyRecords surveys;
  private final StandardLabels labels;
  private final EvaluationProperties properties;
  private final Clock clock;

  PrepareSurveyFormDelegate(SurveyRecords surveys, StandardLabels labels, EvaluationProperties properties, Clock clock) {
    this.surveys = surveys;
    this.labels = labels;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, SURVEY_ID);
    SurveyRecords.Survey survey = surveys.survey(id);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> questions = surveys.questions(id);
    for (int i = 0; i < questions.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("no", i + 1);
      row.put("question", questions.get(i));
      for (int point = 1; point <= 5; point++) {
        row.put("n" + point, null);
      }
      rows.add(row);
    }
    execution.setVariableLocal(SURVEY_ANSWERS, Spin.JSON(rows));
    execution.setVariableLocal(EXPECTED_QUESTIONS, Spin.JSON(questions));
    execution.setVariableLocal(SERVICE_NAME, survey.name());
    execution.setVariableLocal(SECTION, survey.sectionId());
    execution.setVariableLocal(SECTION_NAME, labels.groupName(survey.sectionId()));
    execution.setVariableLocal(SURVEY_DUE, Date.from(Instant.now(clock).plus(properties.surveyPeriod())));
    execution.setVariableLocal(THRESHOLD, properties.satisfactionThreshold());
    execution.setVariableLocal(RESPONDENTS, null);
    execution.setVariableLocal(SURVEY_NOTE, null);
    execution.setVariableLocal(RESULT_ID, null);
    execution.setVariableLocal(SATISFACTION_RATE, null);
    execution.setVariableLocal(BELOW_THRESHOLD, false);
    execution.setVariableLocal(RECTIFICATION_ID, null);
  }
}
