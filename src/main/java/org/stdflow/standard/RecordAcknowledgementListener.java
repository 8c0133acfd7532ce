package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Marks a section head's "已阅知悉" in the register. */
@Component("recordAcknowledgementListener")
class RecordAcknowledgementListener implements ExecutionListener {

  private final StandardRegister register;

  RecordAcknowledgementListener(StandardRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // deadline passed: stays unacknowledged
    }
    register.acknowledge(LifecycleValues.longValue(execution, VERSION_ID),
        LifecycleValues.string(execution, ACKNOWLEDGER));
    execution.removeVariable(ACKNOWLEDGED);
  }
}
