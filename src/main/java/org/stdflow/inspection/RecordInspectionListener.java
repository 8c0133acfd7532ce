package org.stdflow.inspection;

import static org.stdflow.inspection.DailyInspectionProcess.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.inspection.DailyInspectionProcess.Results;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.LifecycleValues;

/**
 * End of 日常检查: checks the answers on the server (every item answered, a failed item explained,
 * only inspectors inspect) and records them with the weighted pass rate the DMN scores next. An
 * execution listener, so a rejected form reaches Tasklist and REST as a 400 with per-field messages
 * and the task stays open; a missed inspection (the boundary timer cancels the task) is not checked.
 */
@Component("recordInspectionListener")
class RecordInspectionListener implements ExecutionListener {

  private static final Set<String> ANSWERS = Set.of(Results.PASS, Results.FAIL, Results.NOT_APPLICABLE);

  private final InspectionRecords records;
  private final SupervisionUsers users;

  RecordInspectionListener(InspectionRecords records, SupervisionUsers users) {
    this.records = records;
    this.users = users;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String user = users.current(execution.getProcessEngineServices());
    List<Map<String, Object>> expected = LifecycleValues.rows(execution.getVariable(PrepareChecklistDelegate.EXPECTED_CHECKLIST));
    List<Map<String, Object>> answers = LifecycleValues.rows(execution.getVariable(CHECKLIST));
    FieldRules rules = FieldRules.of(execution::getVariable);
    rules.rule(user == null || !users.groupsOf(execution.getProcessEngineServices(), user).contains(SupervisionUsers.INSPECTORS),
        CHECKLIST, "只有监督检查人员可以填写日常检查");
    rules.rule(answers.size() != expected.size(), CHECKLIST,
        "检查表应有 " + expected.size() + " 项，提交了 " + answers.size() + " 项，请刷新后重新填写");
    List<InspectionRecords.ItemResult> results = new ArrayList<>();
    boolean anyApplicable = false;
    for (int i = 0; i < Math.min(expected.size(), answers.size()); i++) {
      Map<String, Object> item = expected.get(i);
      Map<String, Object> answer = answers.get(i);
      String n = "第 " + (i + 1) + " 项（条款 " + item.get("clauseRef") + "）";
      String key = CHECKLIST + "[" + i + "]";
      // Camunda Forms submit only the fields of a row (result, note): rows are matched by position
      // (the form cannot add or remove rows); a caller that sends the id must send the right one
      rules.rule(answer.containsKey("itemId") && !String.valueOf(item.get("itemId")).equals(String.valueOf(answer.get("itemId"))),
          key, n + "与检查表不一致，请刷新后重新填写");
      String result = answer.get("result") == null ? null : answer.get("result").toString();
      String note = answer.get("note") == null ? "" : answer.get("note").toString().strip();
      if (result == null || result.isBlank()) {
        rules.rule(true, key + ".result", n + "未填写检查结果（合格、不合格或不适用）");
      } else if (!ANSWERS.contains(result)) {
        rules.rule(true, key + ".result", n + "的检查结果“" + result + "”无效");
      }
      rules.rule(Results.FAIL.equals(result) && note.isEmpty(), key + ".note", n + "不合格，请在情况说明中写明存在的问题");
      rules.rule(note.length() > 500, key + ".note", n + "的情况说明不能超过 500 个字");
      anyApplicable |= Results.PASS.equals(result) || Results.FAIL.equals(result);
      results.add(new InspectionRecords.ItemResult(i + 1, Long.valueOf(String.valueOf(item.get("itemId"))),
          String.valueOf(item.get("clauseRef")), String.valueOf(item.get("requirement")),
          ((Number) item.get("weight")).intValue(), Boolean.TRUE.equals(item.get("critical")), result,
          note.isEmpty() ? null : note));
    }
    if (rules.errors().isEmpty()) {
      rules.rule(!anyApplicable, CHECKLIST, "各项均为“不适用”，请核对检查地点或说明情况后由标准化办公室调整检查表");
    }
    rules.optionalText(INSPECTION_NOTE, "检查总体情况", 1000);
    rules.throwIfInvalid();

    long id = LifecycleValues.longValue(execution, INSPECTION_ID);
    String note = LifecycleValues.string(execution, INSPECTION_NOTE);
    InspectionRecords.Score score = records.recordAnswers(id, user, results,
        note == null || note.isBlank() ? null : note.strip());
    execution.setVariable(INSPECTOR, user);
    execution.setVariable(PASS_RATE, score.passRate().doubleValue());
    execution.setVariable(CRITICAL_FAILURES, score.criticalFailures());
    execution.setVariable(FAILED_ITEMS, score.failedItems());
  }
}
