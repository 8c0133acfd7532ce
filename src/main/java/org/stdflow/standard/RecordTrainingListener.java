package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Records the training (date, attendees) of the published version in the register. */
@Component("recordTrainingListener")
class RecordTrainingListener implements ExecutionListener {

  private final StandardRegister register;

  RecordTrainingListener(StandardRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    register.recordTraining(LifecycleValues.longValue(execution, STANDARD_ID),
        LifecycleValues.longValue(execution, VERSION_ID),
        LifecycleValues.date(execution.getVariable(TRAINING_DATE)),
        LifecycleValues.string(execution, TRAINING_ATTENDEES).strip(),
        LifecycleValues.currentUser(execution.getProcessEngineServices()));
  }
}
