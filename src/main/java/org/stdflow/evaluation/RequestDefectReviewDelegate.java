package org.stdflow.evaluation;

import static org.stdflow.evaluation.FeedbackProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLifecycleService;

/**
 * 提请标准复审: a reported defect of a standard sends the standard to an out-of-cycle review (the
 * life cycle's StandardReviewRequested message), with the feedback and the reply as the reason.
 * When the standard cannot take it now (already under review or revision, or no longer in force)
 * the feedback goes on and the reason is kept in ev_feedback.review_outcome.
 */
@Component("requestDefectReviewDelegate")
class RequestDefectReviewDelegate implements JavaDelegate {

  static final String REQUESTED = "已提请标准复审";
  static final String NOT_POSSIBLE = "标准当前不能发起复审（正在复审或修订中，或已不再现行有效）";

  private final StandardLifecycleService lifecycle;
  private final FeedbackRecords records;

  RequestDefectReviewDelegate(StandardLifecycleService lifecycle, FeedbackRecords records) {
    this.lifecycle = lifecycle;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    String key = RegisterFeedbackDelegate.businessKey(id);
    String reason = "意见反馈 " + key + " 指出标准缺陷：" + LifecycleValues.string(execution, DESCRIPTION)
        + "\n承办科室答复：" + LifecycleValues.string(execution, REPLY);
    String outcome;
    if (lifecycle.canTakeOutOfCycleReview(standardId)) {
      lifecycle.requestOutOfCycleReview(standardId, reason.length() > 990 ? reason.substring(0, 990) + "…" : reason,
          LifecycleValues.string(execution, SUBMITTER));
      outcome = REQUESTED;
    } else {
      outcome = NOT_POSSIBLE;
    }
    records.setReviewOutcome(id, outcome);
    execution.setVariable(REVIEW_OUTCOME, outcome);
    execution.setVariable(FOLLOW_UP_TEXT, "标准缺陷处理：" + outcome + "。");
  }
}
