package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Records a section's comment (or "no comment") in the register when its comment task completes. */
@Component("recordCommentListener")
class RecordCommentListener implements ExecutionListener {

  private final StandardRegister register;

  RecordCommentListener(StandardRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the deadline closed this task: CollectCommentsDelegate counts it as "no comment"
    }
    boolean none = Boolean.TRUE.equals(execution.getVariable(NO_COMMENT));
    String text = none ? null : LifecycleValues.string(execution, COMMENT_TEXT).strip();
    register.recordComment(LifecycleValues.longValue(execution, STANDARD_ID), execution.getProcessInstanceId(),
        LifecycleValues.string(execution, CONSULTED_SECTION),
        LifecycleValues.currentUser(execution.getProcessEngineServices()), text, none);
    // the next section's form must not start from this section's answer
    execution.removeVariable(NO_COMMENT);
    execution.removeVariable(COMMENT_TEXT);
  }
}
