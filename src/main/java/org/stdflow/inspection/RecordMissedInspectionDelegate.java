package org.stdflow.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;

/** 登记漏检: an inspection nobody did in time counts as missed in the weekly and monthly figures. */
@Component("recordMissedInspectionDelegate")
class RecordMissedInspectionDelegate implements JavaDelegate {

  private final InspectionRecords records;

  RecordMissedInspectionDelegate(InspectionRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.markMissed(LifecycleValues.longValue(execution, DailyInspectionProcess.Vars.INSPECTION_ID));
  }
}
