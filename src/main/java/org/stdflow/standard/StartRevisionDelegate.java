package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 启动修订: the version in force stays valid while the revision is drafted, commented and reviewed. */
@Component("startRevisionDelegate")
class StartRevisionDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final ReviewRecorder reviews;

  StartRevisionDelegate(StandardRegister register, ReviewRecorder reviews) {
    this.register = register;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.record(execution, "REVISE", LifecycleValues.string(execution, PERIODIC_REVIEW_REASON));
    register.startRevision(LifecycleValues.longValue(execution, STANDARD_ID), execution.getProcessInstanceId());
    execution.setVariable(KIND, "revision");
    execution.setVariable(KIND_LABEL, "修订现行标准");
  }
}
