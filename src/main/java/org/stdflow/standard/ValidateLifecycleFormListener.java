package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.StandardLifecycleProcess.Values;

/**
 * Enforces the rules of the life cycle's forms on the server, for Tasklist and for REST callers who
 * skip the form alike: the start of a proposal and the completion of each user task fail with a
 * per-field Chinese message and the process does not move.
 */
@Component("validateLifecycleFormListener")
public class ValidateLifecycleFormListener implements ExecutionListener {

  private final OrganisationFile organisation;
  private final Clock clock;

  public ValidateLifecycleFormListener(OrganisationFile organisation, Clock clock) {
    this.organisation = organisation;
    this.clock = clock;
  }

  /**
   * Start event "start" and user task "end". An execution listener, not a task listener: the engine
   * wraps task listener exceptions in a plain ProcessEngineException (REST 500), while this one
   * reaches the caller as the 400 it is. Cancellation (boundary events, admin modification) is
   * never blocked by form rules.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Function<String, Object> vars = execution::getVariable;
    switch (execution.getCurrentActivityId()) {
      case StandardLifecycleProcess.START_PROPOSAL_SUBMITTED -> proposal(vars).throwIfInvalid();
      case StandardLifecycleProcess.TASK_SUPPLEMENT_PROPOSAL -> proposal(vars).throwIfInvalid();
      case StandardLifecycleProcess.TASK_FORMAL_CHECK -> {
        FieldRules rules = FieldRules.of(vars)
            .oneOf(FORMAL_CHECK_DECISION, "形式审查结论", Values.FORMAL_CHECK_DECISIONS)
            .optionalText(FORMAL_CHECK_REASON, "审查意见", 2000);
        String decision = rules.text(FORMAL_CHECK_DECISION);
        String reason = rules.text(FORMAL_CHECK_REASON);
        rules.rule(("supplement".equals(decision) || "reject".equals(decision)) && (reason == null || reason.isBlank()),
            FORMAL_CHECK_REASON, "退回补充或不予立项时必须填写审查意见").throwIfInvalid();
      }
      case StandardLifecycleProcess.TASK_APPROVE_PROJECT -> {
        FieldRules rules = FieldRules.of(vars)
            .oneOf(PROJECT_DECISION, "立项批准结论", Values.PROJECT_DECISIONS)
            .optionalText(PROJECT_DECISION_REASON, "不予批准的理由", 2000);
        String reason = rules.text(PROJECT_DECISION_REASON);
        rules.rule("reject".equals(rules.text(PROJECT_DECISION)) && (reason == null || reason.isBlank()),
            PROJECT_DECISION_REASON, "不予批准时必须填写理由").throwIfInvalid();
      }
      default -> {
        // tasks without form rules
      }
    }
  }

  private FieldRules proposal(Function<String, Object> vars) {
    List<String> sections = organisation.groupsOfType(GroupType.SECTION).stream()
        .map(OrganisationFile.GroupEntry::id).toList();
    return FieldRules.of(vars)
        .requiredText(TITLE, "标准名称", 2, 100)
        .oneOf(NODE, "所属体系节点", Values.NODES)
        .oneOf(KIND, "立项类型", Values.KINDS)
        .oneOf(RESPONSIBLE_SECTION, "责任科室", sections)
        .requiredText(RATIONALE, "立项理由", 1, 2000)
        .requiredText(SCOPE, "适用范围", 1, 1000)
        .futureDate(PLANNED_COMPLETION_DATE, "计划完成日期", LocalDate.now(clock));
  }
}
