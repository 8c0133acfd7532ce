package org.stdflow.evaluation;

import static org.stdflow.evaluation.SatisfactionSurveyProcess.Vars.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.inspection.InspectionRecords;
import org.stdflow.inspection.Rectifications;
import org.stdflow.standard.LifecycleValues;

/**
 * 开启测评整改: a service whose satisfaction rate is below the threshold gets a rectification for its
 * section (source SURVEY). The findings name the worst questions — those below the threshold, lowest
 * rate first, at most three — with their rates. MAJOR when the rate is more than 20 points below the
 * threshold, otherwise MINOR; the first deadline is stdflow.evaluation.survey-rectification-days.
 */
@Component("openSurveyRectificationDelegate")
class OpenSurveyRectificationDelegate implements JavaDelegate {

  static final int WORST_QUESTIONS = 3;

  private final Rectifications rectifications;
  private final SurveyRecords surveys;
  private final EvaluationProperties properties;

  OpenSurveyRectificationDelegate(Rectifications rectifications, SurveyRecords surveys,
      EvaluationProperties properties) {
    this.rectifications = rectifications;
    this.surveys = surveys;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long resultId = LifecycleValues.longValue(execution, RESULT_ID);
    double threshold = ((Number) execution.getVariable(THRESHOLD)).doubleValue();
    double rate = ((Number) execution.getVariable(SATISFACTION_RATE)).doubleValue();
    String service = LifecycleValues.string(execution, SERVICE_NAME);
    String quarter = LifecycleValues.string(execution, QUARTER);
    List<SurveyRecords.QuestionCounts> worst = new ArrayList<>(surveys.answers(resultId));
    worst.sort(Comparator.comparing(SurveyRecords.QuestionCounts::rate)
        .thenComparing(SurveyRecords.QuestionCounts::sortOrder));
    List<SurveyRecords.QuestionCounts> named = worst.stream()
        .filter(q -> q.rate().compareTo(BigDecimal.valueOf(threshold)) < 0).limit(WORST_QUESTIONS).toList();
    if (named.isEmpty()) {
      named = worst.subList(0, 1); // the overall rate is below, but no single question: name the lowest
    }
    List<InspectionRecords.NewFinding> findings = new ArrayList<>();
    int weight = 100 / named.size();
    for (SurveyRecords.QuestionCounts q : named) {
      findings.add(new InspectionRecords.NewFinding("测评第 " + q.sortOrder() + " 题",
          service + "：" + q.question() + "（满意率 " + q.rate().stripTrailingZeros().toPlainString() + "%）", weight,
          false, quarter + " 满意度测评总体满意率 " + fmt(rate) + "%，低于 " + fmt(threshold) + "%"));
    }
    String severity = rate < threshold - 20 ? "MAJOR" : "MINOR";
    long id = rectifications.open(new Rectifications.Request("SURVEY", String.format("MY%06d", resultId), null,
        LifecycleValues.string(execution, SECTION), service + " " + quarter + " 满意度测评", findings, severity,
        properties.surveyRectificationDays()));
    surveys.setRectification(resultId, id);
    execution.setVariable(RECTIFICATION_ID, id);
  }

  private static String fmt(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
