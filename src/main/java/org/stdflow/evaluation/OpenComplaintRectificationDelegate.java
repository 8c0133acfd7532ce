package org.stdflow.evaluation;

import static org.stdflow.evaluation.FeedbackProcess.Vars.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.inspection.InspectionRecords;
import org.stdflow.inspection.Rectifications;
import org.stdflow.standard.LifecycleValues;

/**
 * 开启投诉整改: a substantiated complaint opens supervision's rectification loop for the section
 * that answered it (source COMPLAINT, the feedback's number as reference, so a retried step opens it
 * once). The finding is the complaint itself, with the section's reply as its note.
 */
@Component("openComplaintRectificationDelegate")
class OpenComplaintRectificationDelegate implements JavaDelegate {

  private final Rectifications rectifications;
  private final FeedbackRecords records;
  private final EvaluationProperties properties;

  OpenComplaintRectificationDelegate(Rectifications rectifications, FeedbackRecords records,
      EvaluationProperties properties) {
    this.rectifications = rectifications;
    this.records = records;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    String description = LifecycleValues.string(execution, DESCRIPTION);
    String requirement = "投诉事项：" + (description.length() > 480 ? description.substring(0, 480) + "…" : description);
    String reply = LifecycleValues.string(execution, REPLY);
    String note = "承办科室核实答复：" + reply;
    InspectionRecords.NewFinding finding = new InspectionRecords.NewFinding("投诉", requirement, 100, false,
        note.length() > 500 ? note.substring(0, 499) + "…" : note);
    long rectificationId = rectifications.open(new Rectifications.Request("COMPLAINT",
        RegisterFeedbackDelegate.businessKey(id), (Long) execution.getVariable(STANDARD_ID),
        LifecycleValues.string(execution, SECTION), "投诉 " + RegisterFeedbackDelegate.businessKey(id),
        List.of(finding), properties.complaintSeverity(), properties.complaintRectificationDays()));
    records.setRectification(id, rectificationId);
    execution.setVariable(RECTIFICATION_ID, rectificationId);
    execution.setVariable(FOLLOW_UP_TEXT, "投诉经核实属实，已向" + LifecycleValues.string(execution, SECTION_NAME)
        + "下达整改通知（整改编号 " + String.format("ZG%06d", rectificationId) + "）。");
  }
}
