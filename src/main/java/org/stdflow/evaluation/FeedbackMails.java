package org.stdflow.evaluation;

import static org.stdflow.evaluation.FeedbackProcess.Vars.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Notifications;
import org.stdflow.standard.LifecycleValues;

/**
 * Mails to the submitter: 不予受理 (with the reason) and 已答复 (with the reply and what followed
 * from it), which opens the rating period. {@code ${feedbackMails.rejected(execution)}} and {@code .replied}.
 */
@Component("feedbackMails")
public class FeedbackMails {

  private final Notifications notifications;
  private final EvaluationProperties properties;
  private final java.time.Clock clock;

  FeedbackMails(Notifications notifications, EvaluationProperties properties, java.time.Clock clock) {
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  public void rejected(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    notifications.toUsers("feedback-rejected:" + id, "feedback-rejected", model(execution),
        List.of(LifecycleValues.string(execution, SUBMITTER)));
  }

  /** Also opens the rating period: {@code ratingDue} drives the rating task's due date and its timer. */
  public void replied(DelegateExecution execution) {
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    execution.setVariable(RATING_DUE, java.util.Date.from(java.time.Instant.now(clock).plus(properties.ratingPeriod())));
    execution.setVariable(RATING, null);
    execution.setVariable(RATING_COMMENT, null);
    notifications.toUsers("feedback-replied:" + id, "feedback-replied", model(execution),
        List.of(LifecycleValues.string(execution, SUBMITTER)));
  }

  static Map<String, Object> model(DelegateExecution execution) {
    Map<String, Object> m = new HashMap<>();
    for (String name : List.of(FEEDBACK_TYPE_LABEL, STANDARD_LABEL, DESCRIPTION, SECTION_NAME, REPLY_DUE_TEXT, REPLY,
        REJECT_REASON, FOLLOW_UP_TEXT, SUBMITTER_NAME)) {
      Object v = execution.getVariable(name);
      m.put(name, v == null ? "" : v.toString());
    }
    m.put("businessKey", execution.getProcessBusinessKey());
    return m;
  }
}
