package org.stdflow.inspection;

import static org.stdflow.inspection.QuarterlyAssessmentProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Checks leadership's quarterly assessment (known sections only, none both praised and criticised,
 * a reason for criticism) and records the ranking as shown, with each section's outcome, and each
 * 表扬 / 通报批评 in insp_commendation (source QUARTERLY). The ids of the criticisms go to the mail
 * step after the savepoint. An execution listener ("end" on 季度考核): a broken rule is a 400.
 */
@Component("recordQuarterlyAssessmentListener")
class RecordQuarterlyAssessmentListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(RecordQuarterlyAssessmentListener.class);

  private final CadenceRecords records;
  private final Clock clock;

  RecordQuarterlyAssessmentListener(CadenceRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Map<String, SpinJsonNode> ranking = new LinkedHashMap<>();
    CadenceValues.json(execution.getVariable(RANKING)).elements()
        .forEach(r -> ranking.put(r.prop("sectionId").stringValue(), r));
    List<String> praised = CadenceValues.stringList(execution.getVariable(PRAISED_SECTIONS));
    List<String> criticised = CadenceValues.stringList(execution.getVariable(CRITICISED_SECTIONS));
    FieldRules rules = FieldRules.of(execution::getVariable);
    // a checklist answers with a list; anything else would be read as "none chosen" and lost
    rules.rule(!CadenceValues.isListOrAbsent(execution.getVariable(PRAISED_SECTIONS)), PRAISED_SECTIONS,
            "表扬的科室须为科室列表（收到“" + execution.getVariable(PRAISED_SECTIONS) + "”）")
        .rule(!CadenceValues.isListOrAbsent(execution.getVariable(CRITICISED_SECTIONS)), CRITICISED_SECTIONS,
            "通报批评的科室须为科室列表（收到“" + execution.getVariable(CRITICISED_SECTIONS) + "”）");
    List<String> unknownPraised = praised.stream().filter(s -> !ranking.containsKey(s)).toList();
    List<String> unknownCriticised = criticised.stream().filter(s -> !ranking.containsKey(s)).toList();
    rules.rule(!unknownPraised.isEmpty(), PRAISED_SECTIONS, "表扬的科室中有无效的科室：" + String.join("、", unknownPraised))
        .rule(!unknownCriticised.isEmpty(), CRITICISED_SECTIONS,
            "通报批评的科室中有无效的科室：" + String.join("、", unknownCriticised));
    List<String> both = praised.stream().filter(criticised::contains).filter(ranking::containsKey)
        .map(s -> ranking.get(s).prop("sectionName").stringValue()).distinct().toList();
    rules.rule(!both.isEmpty(), CRITICISED_SECTIONS, "同一科室不能既表扬又通报批评：" + String.join("、", both))
        .rule(!criticised.isEmpty() && CadenceValues.isBlank(rules.text(CRITICISM_REASON)), CRITICISM_REASON,
            "选择了通报批评的科室时必须填写通报批评事由")
        .optionalText(CRITICISM_REASON, "通报批评事由", 1000)
        .optionalText(PRAISE_REASON, "表扬事由", 1000)
        .optionalText(REMARKS, "总体评价", 2000);
    rules.throwIfInvalid();

    String quarter = (String) execution.getVariable(ASSESSMENT_QUARTER);
    List<Long> criticismIds = new ArrayList<>();
    execution.setVariable(CRITICISM_IDS, criticismIds);
    if (records.quarterAssessed(quarter)) {
      LOG.warn("Quarter {} has been assessed already (another run); the first assessment stands", quarter);
      return;
    }
    Authentication caller = CadenceValues.caller(execution.getProcessEngineServices());
    String user = caller == null ? "system" : caller.getUserId();
    LocalDateTime now = LocalDateTime.now(clock);
    String pi = execution.getProcessInstanceId();
    String remarks = blankToNull(rules.text(REMARKS));
    Set<String> praisedSet = new LinkedHashSet<>(praised);
    Set<String> criticisedSet = new LinkedHashSet<>(criticised);
    for (SpinJsonNode row : ranking.values()) {
      String section = row.prop("sectionId").stringValue();
      String outcome = praisedSet.contains(section) ? "PRAISE" : criticisedSet.contains(section) ? "CRITICISM" : null;
      records.insertQuarterlyAssessment(quarter, section, row.prop("rank").numberValue().intValue(),
          decimal(row.prop("averageScore")), row.prop("evaluatedMonths").numberValue().intValue(),
          decimal(row.prop("passRate")), outcome, remarks, user, now, pi);
    }
    String praiseReason = blankToNull(rules.text(PRAISE_REASON));
    for (String section : praisedSet) {
      SpinJsonNode row = ranking.get(section);
      String reason = praiseReason != null ? praiseReason
          : quarter + " 季度考核排名第 " + row.prop("rank").numberValue().intValue() + " 名，予以表扬";
      records.insertCommendation("PRAISE", section, quarter, reason, user, now, pi);
    }
    String criticismReason = blankToNull(rules.text(CRITICISM_REASON));
    for (String section : criticisedSet) {
      criticismIds.add(records.insertCommendation("CRITICISM", section, quarter, criticismReason, user, now, pi));
    }
    execution.setVariable(CRITICISM_IDS, criticismIds);
  }

  private static BigDecimal decimal(SpinJsonNode v) {
    return v == null || v.isNull() ? null : new BigDecimal(v.numberValue().toString());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
