package org.stdflow.inspection;

import static org.stdflow.inspection.MonthlyEvaluationProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stdflow.platform.validation.FieldRules;

/**
 * Checks the office's monthly evaluation (every section once, a whole score 0–100, a comment when
 * the score is below 60) and records one row per section with the figures the form showed. An
 * execution listener ("end" on 月度评价) so a broken rule is a 400 with Chinese messages.
 */
@Component("recordMonthlyEvaluationListener")
class RecordMonthlyEvaluationListener implements ExecutionListener {

  static final int COMMENT_REQUIRED_BELOW = 60;
  private static final Logger LOG = LoggerFactory.getLogger(RecordMonthlyEvaluationListener.class);

  private final CadenceRecords records;
  private final Clock clock;

  RecordMonthlyEvaluationListener(CadenceRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  private record Evaluation(String section, int score, String comment) {
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    SpinJsonNode shown = CadenceValues.json(execution.getVariable(FIGURES));
    Set<String> expected = new LinkedHashSet<>(shown.fieldNames());
    List<Map<String, SpinJsonNode>> rows = CadenceValues.rows(execution.getVariable(EVALUATION_ROWS));
    FieldRules rules = FieldRules.of(execution::getVariable);
    Set<String> seen = new LinkedHashSet<>();
    List<Evaluation> evaluations = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, SpinJsonNode> row = rows.get(i);
      String section = CadenceValues.str(row.get("sectionId"));
      String key = EVALUATION_ROWS + "[" + i + "]";
      if (section == null || !expected.contains(section) || !seen.add(section)) {
        rules.rule(true, key + ".sectionId", "第 " + (i + 1) + " 行的科室无效或重复");
        continue;
      }
      String name = CadenceValues.text(shown.prop(section), "sectionName");
      Integer score = CadenceValues.integer(row.get("score"));
      String comment = CadenceValues.str(row.get("comment"));
      comment = comment == null || comment.isBlank() ? null : comment.strip();
      if (score == null || score < 0 || score > 100) {
        rules.rule(true, key + ".score", "第 " + (i + 1) + " 行（" + name + "）评分须为 0–100 的整数");
      } else if (score < COMMENT_REQUIRED_BELOW && comment == null) {
        rules.rule(true, key + ".comment", "第 " + (i + 1) + " 行（" + name + "）评分低于 60 分时必须填写评语");
      }
      rules.rule(comment != null && comment.length() > 1000, key + ".comment",
          "第 " + (i + 1) + " 行（" + name + "）评语不能超过 1000 个字");
      if (score != null) {
        evaluations.add(new Evaluation(section, score, comment));
      }
    }
    rules.rule(!seen.containsAll(expected), EVALUATION_ROWS, "须为每个科室评分（评价列表与科室不一致）");
    rules.throwIfInvalid();

    Authentication caller = CadenceValues.caller(execution.getProcessEngineServices());
    String user = caller == null ? null : caller.getUserId();
    String month = (String) execution.getVariable(EVALUATION_MONTH);
    LocalDateTime now = LocalDateTime.now(clock);
    for (Evaluation e : evaluations) {
      SpinJsonNode f = shown.prop(e.section());
      // the figures the form showed are the ones recorded (complaints and satisfaction too)
      Integer complaints = f.hasProp("complaints") ? CadenceValues.integer(f.prop("complaints")) : null;
      BigDecimal satisfaction = !f.hasProp("satisfaction") || f.prop("satisfaction").isNull() ? null
          : new BigDecimal(f.prop("satisfaction").numberValue().toString());
      if (!records.insertMonthlyEvaluation(month, e.section(), figures(f), complaints, satisfaction, e.score(),
          e.comment(), user == null ? "system" : user, now, execution.getProcessInstanceId())) {
        LOG.warn("Monthly evaluation of {} for {} exists already (another run); the first one stands", e.section(),
            month);
      }
    }
  }

  private static SupervisionFigures.Figures figures(SpinJsonNode f) {
    SpinJsonNode rate = f.prop("passRate");
    return new SupervisionFigures.Figures(i(f, "inspections"), 0, i(f, "failed"), i(f, "missed"),
        rate.isNull() ? null : new BigDecimal(rate.numberValue().toString()), i(f, "rectOpened"), i(f, "rectClosed"),
        0, i(f, "rectOverdue"), i(f, "criticisms"));
  }

  private static int i(SpinJsonNode node, String prop) {
    Integer v = CadenceValues.integer(node.prop(prop));
    return v == null ? 0 : v;
  }
}
