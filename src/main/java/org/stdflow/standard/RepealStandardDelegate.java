package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 废止标准: status and version REPEALED, notice to all sections. */
@Component("repealStandardDelegate")
class RepealStandardDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final ReviewRecorder reviews;

  RepealStandardDelegate(StandardRegister register, ReviewRecorder reviews) {
    this.register = register;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    StandardRegister.Standard standard = register.get(standardId);
    reviews.record(execution, "REPEAL", LifecycleValues.string(execution, PERIODIC_REVIEW_REASON));
    register.repeal(standardId);
    register.recordNotice(standardId, standard.currentVersionId(), "REPEALED",
        "《" + standard.title() + "》（" + standard.code() + "）经复审予以废止。",
        LifecycleValues.currentUser(execution.getProcessEngineServices()));
  }
}
