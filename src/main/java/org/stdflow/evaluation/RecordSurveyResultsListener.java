package org.stdflow.evaluation;

import static org.stdflow.evaluation.SatisfactionSurveyProcess.Vars.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.LifecycleValues;

/**
 * End of 录入测评结果: the collected results of one service are checked on the server — a positive
 * number of respondents; per question, counts that are whole numbers ≥ 0, only for the scale points
 * 1..5, at least one answer and no more answers than respondents — then recorded with the
 * satisfaction rate the server computes (answers of 4 or 5 among all answers of all questions). A
 * rejected form keeps the task open and reaches the caller as a 400.
 */
@Component("recordSurveyResultsListener")
class RecordSurveyResultsListener implements ExecutionListener {

  /** Keys of the counts in a row: n1..n5 are the scale; any other nN is an answer out of scale. */
  private static final Pattern COUNT_KEY = Pattern.compile("^n(-?\\d{1,3})$");

  private final SurveyRecords surveys;

  RecordSurveyResultsListener(SurveyRecords surveys) {
    this.surveys = surveys;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    FieldRules rules = FieldRules.of(execution::getVariable);
    long surveyId = LifecycleValues.longValue(execution, SURVEY_ID);
    String quarter = LifecycleValues.string(execution, QUARTER);
    Object rawRespondents = execution.getVariable(RESPONDENTS);
    Integer respondents = LifecycleValues.integer(rawRespondents);
    rules.rule(respondents == null || respondents < 1, RESPONDENTS,
        rawRespondents == null || rawRespondents.toString().isBlank() ? "参评人数不能为空"
            : "参评人数须为正整数（收到“" + rawRespondents + "”）");
    List<String> expected = LifecycleValues.stringList(execution.getVariable(EXPECTED_QUESTIONS));
    List<Map<String, Object>> rows = LifecycleValues.rows(execution.getVariable(SURVEY_ANSWERS));
    rules.rule(rows.size() != expected.size(), SURVEY_ANSWERS,
        "应填写 " + expected.size() + " 个问题的结果，提交了 " + rows.size() + " 个，请刷新后重新填写");
    List<SurveyRecords.QuestionCounts> counts = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), expected.size()); i++) {
      Map<String, Object> row = rows.get(i);
      String q = "第 " + (i + 1) + " 题（" + expected.get(i) + "）";
      String key = SURVEY_ANSWERS + "[" + i + "]";
      int[] c = new int[5];
      for (Map.Entry<String, Object> e : row.entrySet()) {
        Matcher m = COUNT_KEY.matcher(e.getKey());
        if (!m.matches()) {
          continue;
        }
        int point = Integer.parseInt(m.group(1));
        Object raw = e.getValue();
        boolean blank = raw == null || raw.toString().isBlank();
        if (point < 1 || point > 5) {
          Integer n = LifecycleValues.integer(raw);
          rules.rule(!blank && (n == null || n != 0), key + "." + e.getKey(),
              q + "：评分只能为 1–5 分，不能填写 " + point + " 分的人数");
          continue;
        }
        Integer n = blank ? Integer.valueOf(0) : LifecycleValues.integer(raw);
        if (n == null || n < 0) {
          rules.rule(true, key + "." + e.getKey(), q + "：" + point + " 分的人数须为不小于 0 的整数（收到“" + raw + "”）");
        } else {
          c[point - 1] = n;
        }
      }
      SurveyRecords.QuestionCounts qc = new SurveyRecords.QuestionCounts(i + 1, expected.get(i), c);
      rules.rule(qc.total() == 0, key, q + "没有填写任何答题人数");
      rules.rule(respondents != null && respondents >= 1 && qc.total() > respondents, key,
          q + "的答题人数合计 " + qc.total() + " 人，超过参评人数 " + respondents + " 人");
      counts.add(qc);
    }
    rules.optionalText(SURVEY_NOTE, "说明", 1000);
    rules.rule(surveys.resultExists(surveyId, quarter), SURVEY_ANSWERS,
        LifecycleValues.string(execution, SERVICE_NAME) + "的 " + quarter + " 测评结果已登记，不能重复登记");
    rules.throwIfInvalid();

    BigDecimal threshold = BigDecimal.valueOf(((Number) execution.getVariable(THRESHOLD)).doubleValue());
    String note = rules.text(SURVEY_NOTE);
    long resultId = surveys.record(surveyId, quarter, LifecycleValues.string(execution, SECTION), respondents, counts,
        threshold, LifecycleValues.currentUser(execution.getProcessEngineServices()),
        LifecycleValues.isBlank(note) ? null : note.strip(), execution.getProcessInstanceId());
    int answers = counts.stream().mapToInt(SurveyRecords.QuestionCounts::total).sum();
    int satisfied = counts.stream().mapToInt(SurveyRecords.QuestionCounts::satisfied).sum();
    BigDecimal rate = SurveyRecords.rate(satisfied, answers);
    execution.setVariable(RESULT_ID, resultId);
    execution.setVariable(SATISFACTION_RATE, rate.doubleValue());
    execution.setVariable(BELOW_THRESHOLD, rate.compareTo(threshold) < 0);
  }
}
