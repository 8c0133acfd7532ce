package org.stdflow.evaluation;

import static org.stdflow.evaluation.FeedbackProcess.Vars.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLabels;
import org.stdflow.standard.StandardRegister;

/**
 * 登记反馈: records the (already validated) submission, gives the run its business key
 * (YJ + the record's number) and prepares what the office's triage form shows: the labels, and the
 * sections to choose from (the standard's responsible section first, when a standard is named).
 */
@Component("registerFeedbackDelegate")
class RegisterFeedbackDelegate implements JavaDelegate {

  private final FeedbackRecords records;
  private final StandardRegister register;
  private final StandardLabels labels;
  private final OrganisationFile organisation;

  RegisterFeedbackDelegate(FeedbackRecords records, StandardRegister register, StandardLabels labels,
      OrganisationFile organisation) {
    this.records = records;
    this.register = register;
    this.labels = labels;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = LifecycleValues.string(execution, FEEDBACK_TYPE);
    Long standardId = (Long) execution.getVariable(STANDARD_ID);
    String submitter = LifecycleValues.string(execution, SUBMITTER);
    String contact = LifecycleValues.string(execution, CONTACT);
    long id = records.submit(type, standardId, submitter, LifecycleValues.isBlank(contact) ? null : contact,
        LifecycleValues.string(execution, DESCRIPTION), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(businessKey(id));
    execution.setVariable(FEEDBACK_ID, id);
    execution.setVariable(FEEDBACK_TYPE_LABEL, FeedbackProcess.TYPES.get(type));
    execution.setVariable(SUBMITTER_NAME, labels.userName(submitter));
    String preferred = null;
    if (standardId != null) {
      StandardRegister.Standard s = register.get(standardId);
      execution.setVariable(STANDARD_LABEL, s.code() + " " + s.title());
      preferred = s.responsibleSection();
    } else {
      execution.setVariable(STANDARD_LABEL, "（未指明标准）");
    }
    List<Map<String, String>> options = new ArrayList<>();
    for (OrganisationFile.GroupEntry g : organisation.groupsOfType(GroupType.SECTION)) {
      Map<String, String> option = Map.of("value", g.id(), "label", g.name());
      if (g.id().equals(preferred)) {
        options.add(0, option);
      } else {
        options.add(option);
      }
    }
    execution.setVariable(SECTION_OPTIONS, Spin.JSON(options));
    // the triage form fills these; declared here so that an empty field is seen as empty
    execution.setVariable(SECTION, preferred);
    execution.setVariable(TRIAGE_DECISION, null);
    execution.setVariable(TRIAGE_VERDICT, null);
    execution.setVariable(REJECT_REASON, null);
    execution.setVariable(FOLLOW_UP_TEXT, "");
  }

  static String businessKey(long id) {
    return String.format("YJ%06d", id);
  }
}
