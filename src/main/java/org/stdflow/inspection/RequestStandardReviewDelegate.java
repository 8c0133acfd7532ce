package org.stdflow.inspection;

import static org.stdflow.inspection.RectificationProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLifecycleService;

/**
 * 提请标准复审: a standard that keeps failing is sent to an out-of-cycle review (the life cycle's
 * StandardReviewRequested message). When the standard cannot take it now (already under review or
 * revision, or no longer in force) the rectification goes on and the reason is kept in the variable
 * {@code reviewRequestOutcome}.
 */
@Component("requestStandardReviewDelegate")
class RequestStandardReviewDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RequestStandardReviewDelegate.class);

  private final StandardLifecycleService lifecycle;
  private final InspectionRecords records;

  RequestStandardReviewDelegate(StandardLifecycleService lifecycle, InspectionRecords records) {
    this.lifecycle = lifecycle;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    long rectificationId = LifecycleValues.longValue(execution, RECTIFICATION_ID);
    String reason = "监督检查多次不合格：" + LifecycleValues.string(execution, PLACE_NAME) + "的整改第 "
        + execution.getVariable(ROUND) + " 轮仍未通过复查，提请对标准进行复审";
    String outcome;
    if (!lifecycle.canTakeOutOfCycleReview(standardId)) {
      outcome = "标准当前不能发起复审（正在复审或修订中，或已不再现行有效）";
      LOG.info("Out-of-cycle review of standard {} not requested: {}", standardId, outcome);
    } else {
      lifecycle.requestOutOfCycleReview(standardId, reason, "system");
      records.markReviewRequested(rectificationId);
      outcome = "已提请复审";
    }
    execution.setVariable("reviewRequestOutcome", outcome);
  }
}
