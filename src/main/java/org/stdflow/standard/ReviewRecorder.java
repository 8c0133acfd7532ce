package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the outcome of a review in the register and clears the trigger, so the next periodic
 * review does not inherit the reason of an out-of-cycle one.
 */
@Component
class ReviewRecorder {

  private final StandardRegister register;

  ReviewRecorder(StandardRegister register) {
    this.register = register;
  }

  void record(DelegateExecution execution, String outcome, String reason) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    String trigger = LifecycleValues.string(execution, REVIEW_TRIGGER);
    register.recordReview(standardId, register.get(standardId).currentVersionId(), trigger == null ? "PERIODIC" : trigger,
        LifecycleValues.string(execution, REVIEW_TRIGGER_REASON), outcome, reason,
        lastActor(execution));
    execution.removeVariable(REVIEW_TRIGGER);
    execution.removeVariable(REVIEW_TRIGGER_REASON);
  }

  /** Service tasks run right after the deciding user's task, in the same transaction. */
  private static String lastActor(DelegateExecution execution) {
    String user = LifecycleValues.currentUser(execution.getProcessEngineServices());
    return user == null ? "system" : user;
  }
}
