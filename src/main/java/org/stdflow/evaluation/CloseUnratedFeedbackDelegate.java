package org.stdflow.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;

/** 未评价办结: the rating period is over without a rating; the feedback is closed as UNRATED (未评价). */
@Component("closeUnratedFeedbackDelegate")
class CloseUnratedFeedbackDelegate implements JavaDelegate {

  private final FeedbackRecords records;

  CloseUnratedFeedbackDelegate(FeedbackRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.closeUnrated(LifecycleValues.longValue(execution, FeedbackProcess.Vars.FEEDBACK_ID));
  }
}
