package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentService;

/** 登记标准解释: the interpretation document is published on the version in force. */
@Component("recordInterpretationDelegate")
class RecordInterpretationDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final DocumentService documents;
  private final ReviewRecorder reviews;

  RecordInterpretationDelegate(StandardRegister register, DocumentService documents, ReviewRecorder reviews) {
    this.register = register;
    this.documents = documents;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    StandardRegister.Standard standard = register.get(standardId);
    reviews.record(execution, "INTERPRET", LifecycleValues.string(execution, PERIODIC_REVIEW_REASON));
    documents.attachToVersion(execution.getProcessInstanceId(), standardId, standard.currentVersionId());
    register.recordNotice(standardId, standard.currentVersionId(), "INTERPRETED",
        "《" + standard.title() + "》（" + standard.code() + "）发布标准解释："
            + LifecycleValues.string(execution, INTERPRETATION_SUMMARY),
        LifecycleValues.currentUser(execution.getProcessEngineServices()));
  }
}
