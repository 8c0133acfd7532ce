package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;

/** 整改完成: closes the rectification with the inspector's note on its effectiveness. */
@Component("closeRectificationDelegate")
class CloseRectificationDelegate implements JavaDelegate {

  private final InspectionRecords records;

  CloseRectificationDelegate(InspectionRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.close(LifecycleValues.longValue(execution, RECTIFICATION_ID),
        LifecycleValues.string(execution, EFFECTIVENESS_NOTE).strip());
  }
}
