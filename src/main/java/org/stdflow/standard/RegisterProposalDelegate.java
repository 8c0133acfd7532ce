package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记立项信息: enters a proposal in the register (or, after a supplement, updates it) and gives
 * the run its business key and the labels its forms show. A revision proposal targets the standard
 * in force that it revises; that standard keeps its status and current version meanwhile.
 */
@Component("registerProposalDelegate")
class RegisterProposalDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final StandardLabels labels;

  RegisterProposalDelegate(StandardRegister register, StandardLabels labels) {
    this.register = register;
    this.labels = labels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = LifecycleValues.string(execution, KIND);
    StandardType type = StandardType.valueOf(LifecycleValues.string(execution, STANDARD_TYPE));
    String title = LifecycleValues.string(execution, TITLE).strip();
    String node = LifecycleValues.string(execution, NODE);
    String section = LifecycleValues.string(execution, RESPONSIBLE_SECTION);
    String scope = LifecycleValues.string(execution, SCOPE);
    String externalCode = type.adopted() ? LifecycleValues.string(execution, EXTERNAL_CODE).strip() : null;
    String pi = execution.getProcessInstanceId();

    Long standardId = (Long) execution.getVariable(STANDARD_ID);
    if ("revision".equals(kind)) {
      StandardRegister.Standard revised = register.findByCode(LifecycleValues.string(execution, REVISED_STANDARD_CODE).strip())
          .orElseThrow(() -> new IllegalStateException("revised standard vanished"));
      standardId = revised.id();
      register.markRevisionInProgress(standardId);
      execution.setVariable(SUPERSEDED_RUN_ID, revised.processInstanceId());
    } else if (standardId == null) {
      standardId = register.createProposal(title, node, type, section, scope, externalCode, pi,
          execution.getVariable(PROPOSER) == null ? null : execution.getVariable(PROPOSER).toString());
    } else {
      register.updateProposal(standardId, title, node, type, section, scope, externalCode);
    }
    execution.setVariable(STANDARD_ID, standardId);
    execution.setProcessBusinessKey(businessKey(standardId));
    execution.setVariable(NODE_NAME, labels.nodeName(node));
    execution.setVariable(KIND_LABEL, labels.kind(kind));
    execution.setVariable(STANDARD_TYPE_LABEL, type.label());
    execution.setVariable(RESPONSIBLE_SECTION_NAME, labels.groupName(section));
    Object proposer = execution.getVariable(PROPOSER);
    execution.setVariable(PROPOSER_NAME, proposer == null ? "" : labels.userName(proposer.toString()));
  }

  /** The business key auditors and Tasklist see: BZ + register id. */
  static String businessKey(long standardId) {
    return String.format("BZ%06d", standardId);
  }
}
