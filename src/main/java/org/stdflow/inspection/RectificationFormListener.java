package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentInfo;
import org.stdflow.document.DocumentService;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.LifecycleValues;

/**
 * End of the rectification's user tasks: the rules of the section's report (measures and at least
 * one piece of evidence, by a member of the section) and of the re-inspection (every finding judged,
 * by an inspector who is not a member of the rectifying section), checked on the server and then
 * recorded. A rejected form keeps the task open and reaches the caller as a 400.
 */
@Component("rectificationFormListener")
class RectificationFormListener implements ExecutionListener {

  private final InspectionRecords records;
  private final DocumentService documents;
  private final SupervisionUsers users;

  RectificationFormListener(InspectionRecords records, DocumentService documents, SupervisionUsers users) {
    this.records = records;
    this.documents = documents;
    this.users = users;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    switch (execution.getCurrentActivityId()) {
      case RectificationProcess.TASK_SUBMIT_REPORT -> report(execution);
      case RectificationProcess.TASK_REINSPECT -> reinspection(execution);
      default -> throw new IllegalStateException("no form rules for " + execution.getCurrentActivityId());
    }
  }

  private void report(DelegateExecution execution) {
    String user = users.current(execution.getProcessEngineServices());
    String section = LifecycleValues.string(execution, SECTION);
    FieldRules rules = FieldRules.of(execution::getVariable);
    rules.rule(user == null || !users.groupsOf(execution.getProcessEngineServices(), user).contains(section), MEASURES,
        "整改报告须由" + LifecycleValues.string(execution, SECTION_NAME) + "的人员提交");
    rules.requiredText(MEASURES, "整改措施", 10, 2000);
    Instant since = ((Date) execution.getVariable(RectificationRounds.ROUND_STARTED_AT)).toInstant();
    List<DocumentInfo> evidence = documents.documentsOfProcess(execution.getProcessInstanceId()).stream()
        .filter(d -> RectificationProcess.TASK_SUBMIT_REPORT.equals(d.activityId()) && !d.uploadedAt().isBefore(since))
        .toList();
    rules.rule(evidence.isEmpty(), "evidence", "请先上传至少一份整改佐证材料（照片或文件），再提交整改报告");
    rules.throwIfInvalid();
    records.recordReport(LifecycleValues.longValue(execution, RECTIFICATION_ID), round(execution),
        rules.text(MEASURES).strip(), user);
  }

  private void reinspection(DelegateExecution execution) {
    String user = users.current(execution.getProcessEngineServices());
    List<String> groups = users.groupsOf(execution.getProcessEngineServices(), user);
    String section = LifecycleValues.string(execution, SECTION);
    FieldRules rules = FieldRules.of(execution::getVariable);
    if (user == null || !groups.contains(SupervisionUsers.INSPECTORS)) {
      rules.rule(true, FINDING_CHECKS, "复查只能由监督检查人员进行");
    } else if (groups.contains(section)) {
      rules.rule(true, FINDING_CHECKS, "整改科室（" + LifecycleValues.string(execution, SECTION_NAME)
          + "）的人员不能复查本科室的整改，须由其他监督检查人员复查");
    }
    List<Map<String, Object>> expected = LifecycleValues.rows(execution.getVariable("expectedFindingChecks"));
    List<Map<String, Object>> answers = LifecycleValues.rows(execution.getVariable(FINDING_CHECKS));
    rules.rule(answers.size() != expected.size(), FINDING_CHECKS,
        "应复查 " + expected.size() + " 个问题，提交了 " + answers.size() + " 个，请刷新后重新填写");
    List<InspectionRecords.FindingCheck> checks = new ArrayList<>();
    boolean allResolved = true;
    for (int i = 0; i < Math.min(expected.size(), answers.size()); i++) {
      Map<String, Object> finding = expected.get(i);
      Map<String, Object> answer = answers.get(i);
      String n = "第 " + (i + 1) + " 个问题（条款 " + finding.get("clauseRef") + "）";
      String key = FINDING_CHECKS + "[" + i + "]";
      // rows are matched by position, as in the daily checklist (the form submits only outcome and note)
      rules.rule(answer.containsKey("findingId")
          && !String.valueOf(finding.get("findingId")).equals(String.valueOf(answer.get("findingId"))), key,
          n + "与整改问题清单不一致，请刷新后重新填写");
      Object outcome = answer.get("outcome");
      String note = answer.get("checkNote") == null ? "" : answer.get("checkNote").toString().strip();
      boolean resolved = "resolved".equals(outcome);
      if (outcome == null || outcome.toString().isBlank()) {
        rules.rule(true, key + ".outcome", n + "未填写复查结论（已整改或未整改）");
      } else if (!resolved && !"open".equals(outcome)) {
        rules.rule(true, key + ".outcome", n + "的复查结论“" + outcome + "”无效");
      }
      rules.rule("open".equals(outcome) && note.isEmpty(), key + ".checkNote", n + "未整改，请说明复查发现的问题");
      rules.rule(note.length() > 500, key + ".checkNote", n + "的复查说明不能超过 500 个字");
      allResolved &= resolved;
      checks.add(new InspectionRecords.FindingCheck(Long.parseLong(String.valueOf(finding.get("findingId"))), resolved,
          note.isEmpty() ? null : note));
    }
    if (allResolved) {
      rules.requiredText(EFFECTIVENESS_NOTE, "整改成效", 5, 1000);
    } else {
      rules.optionalText(EFFECTIVENESS_NOTE, "整改成效", 1000);
    }
    rules.throwIfInvalid();
    String note = rules.text(EFFECTIVENESS_NOTE);
    boolean passed = records.recordReinspection(LifecycleValues.longValue(execution, RECTIFICATION_ID), round(execution),
        user, checks, note == null || note.isBlank() ? null : note.strip());
    execution.setVariable(REINSPECTION_PASSED, passed);
  }

  private static int round(DelegateExecution execution) {
    return ((Number) execution.getVariable(ROUND)).intValue();
  }
}
