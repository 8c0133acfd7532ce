package org.stdflow.inspection;

import static org.stdflow.inspection.DailyInspectionProcess.Vars.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;

/** 登记检查结果: the inspection-scoring DMN's verdict (passed, severity, deadline) onto the record. */
@Component("recordInspectionResultDelegate")
class RecordInspectionResultDelegate implements JavaDelegate {

  private final InspectionRecords records;

  RecordInspectionResultDelegate(InspectionRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> scoring = (Map<String, Object>) execution.getVariable(SCORING);
    boolean passed = Boolean.TRUE.equals(scoring.get("passed"));
    Object days = scoring.get("rectificationDays");
    records.recordVerdict(LifecycleValues.longValue(execution, INSPECTION_ID), passed, (String) scoring.get("severity"),
        days == null ? null : ((Number) days).intValue());
    execution.setVariable(PASSED, passed);
  }
}
