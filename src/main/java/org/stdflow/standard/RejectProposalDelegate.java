package org.stdflow.standard;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记不予立项 / 登记未批准立项: a new proposal becomes REJECTED; a rejected revision proposal
 * leaves the standard in force as it was. The reason stays in the process variables (history).
 */
@Component("rejectProposalDelegate")
class RejectProposalDelegate implements JavaDelegate {

  private final StandardRegister register;

  RejectProposalDelegate(StandardRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.reject(LifecycleValues.longValue(execution, StandardLifecycleProcess.Vars.STANDARD_ID));
  }
}
