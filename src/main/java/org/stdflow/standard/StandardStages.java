package org.stdflow.standard;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the register entry to the stage the process enters; called from the model as
 * {@code ${standardStages.enter(execution, 'IN_REVIEW')}} so the stage is visible in the BPMN.
 */
@Component("standardStages")
public class StandardStages {

  private final StandardRegister register;

  StandardStages(StandardRegister register) {
    this.register = register;
  }

  public void enter(DelegateExecution execution, String stage) {
    register.enterStage(LifecycleValues.longValue(execution, StandardLifecycleProcess.Vars.STANDARD_ID),
        StandardStatus.valueOf(stage));
  }
}
