package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentService;

/**
 * Records the training (date, attendees) of the published version in the register, and files the
 * materials uploaded with it (slides, videos: 宣传培训材料) with that version: published files, which
 * every section reads from the register for as long as the version is in force, not only while it
 * has a task in the run.
 */
@Component("recordTrainingListener")
class RecordTrainingListener implements ExecutionListener {

  private final StandardRegister register;
  private final DocumentService documents;

  RecordTrainingListener(StandardRegister register, DocumentService documents) {
    this.register = register;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    long versionId = LifecycleValues.longValue(execution, VERSION_ID);
    // the version's own files were filed at publication; what is left of the run was uploaded for the training
    documents.attachToVersion(execution.getProcessInstanceId(), standardId, versionId);
    register.recordTraining(standardId, versionId,
        LifecycleValues.date(execution.getVariable(TRAINING_DATE)),
        LifecycleValues.string(execution, TRAINING_ATTENDEES).strip(),
        LifecycleValues.currentUser(execution.getProcessEngineServices()));
  }
}
