package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Notifications;

/**
 * 登记不予立项 / 登记未批准立项: a new proposal becomes REJECTED with the reason given, shown with its
 * register entry; a rejected revision proposal leaves the standard in force as it was. The proposer
 * is told by mail, with the step and the reason (queued in the step's transaction).
 */
@Component("rejectProposalDelegate")
class RejectProposalDelegate implements JavaDelegate {

  static final String TEMPLATE = "proposal-rejected";

  private final StandardRegister register;
  private final Notifications notifications;

  RejectProposalDelegate(StandardRegister register, Notifications notifications) {
    this.register = register;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long standardId = LifecycleValues.longValue(execution, STANDARD_ID);
    boolean atFormalCheck = "Task_RejectAtFormalCheck".equals(execution.getCurrentActivityId());
    String reason = LifecycleValues.string(execution, atFormalCheck ? FORMAL_CHECK_REASON : PROJECT_DECISION_REASON);
    reason = reason == null ? "" : reason.strip();
    register.reject(standardId, reason);

    Object proposer = execution.getVariable(PROPOSER);
    if (proposer != null) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("title", LifecycleValues.string(execution, TITLE));
      model.put("businessKey", RegisterProposalDelegate.businessKey(standardId));
      model.put("kindLabel", execution.getVariable(KIND_LABEL));
      model.put("stepLabel", atFormalCheck ? "标准化办公室形式审查" : "标准化领导小组立项批准");
      model.put("outcomeLabel", atFormalCheck ? "不予立项" : "未批准立项");
      model.put("reason", reason);
      model.put("standardPath", "/pages/register.html?id=" + standardId);
      notifications.toUsers(TEMPLATE + ":" + execution.getProcessInstanceId(), TEMPLATE, model,
          List.of(proposer.toString()));
    }
  }
}
