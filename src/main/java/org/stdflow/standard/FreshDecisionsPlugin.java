package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.*;
import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.stdflow.platform.UserTaskCreateListeners;

/**
 * Each round of a decision starts empty. A run loops (a second formal check after a supplement, a
 * second meeting after a failed one, the next periodic review years later), and its decisions are
 * process variables: without this the next round's form opened with the previous answers, and a
 * reason left out because the form hides it for that outcome (继续有效) was recorded from the previous
 * round. When one of these tasks is created, the variables its form decides are removed (the history
 * keeps every earlier value for the auditors).
 */
@Component
class FreshDecisionsPlugin extends AbstractProcessEnginePlugin {

  /** task → the variables its form decides afresh each time. */
  static final Map<String, List<String>> DECIDED_BY = Map.of(
      TASK_FORMAL_CHECK, List.of(FORMAL_CHECK_DECISION, FORMAL_CHECK_REASON),
      TASK_APPROVE_PROJECT, List.of(PROJECT_DECISION, PROJECT_DECISION_REASON),
      // a new meeting also starts a new round of changes (shown to leadership at approval)
      TASK_HOLD_REVIEW_MEETING, List.of(MEETING_DATE, PARTICIPANTS, PARTICIPANT_COUNT, VOTES_FOR, VOTES_AGAINST,
          VOTES_ABSTAIN, REVIEW_OUTCOME, REVIEW_REMARKS, CHANGES_DESCRIPTION),
      TASK_APPLY_REVIEW_CHANGES, List.of(CHANGES_DESCRIPTION),
      TASK_APPROVE_PUBLICATION, List.of(PUBLICATION_DECISION, PUBLICATION_REASON, EFFECTIVE_DATE),
      TASK_RECORD_TRAINING, List.of(TRAINING_DATE, TRAINING_ATTENDEES, "trainingNotes"),
      TASK_REVIEW_STANDARD, List.of(PERIODIC_REVIEW_OUTCOME, PERIODIC_REVIEW_REASON),
      TASK_PUBLISH_INTERPRETATION, List.of(INTERPRETATION_SUMMARY),
      TASK_APPROVE_REPEAL, List.of(REPEAL_DECISION, REPEAL_DECISION_REASON));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskCreateListeners.add(configuration, FreshDecisionsPlugin::clear);
  }

  private static void clear(DelegateTask task) {
    List<String> decided = DECIDED_BY.get(task.getTaskDefinitionKey());
    if (decided == null || task.getProcessDefinitionId() == null
        || !task.getProcessDefinitionId().startsWith(KEY + ":")) {
      return;
    }
    decided.forEach(task.getExecution()::removeVariable);
  }
}
