package org.stdflow.standard;

import java.util.List;

/**
 * Names from processes/standard/standard-lifecycle.bpmn, so Java never repeats a string of the
 * model. Element ids, form ids and variable names.
 */
public final class StandardLifecycleProcess {

  public static final String KEY = "standard-lifecycle";

  public static final String START_PROPOSAL_SUBMITTED = "StartEvent_ProposalSubmitted";
  public static final String TASK_FORMAL_CHECK = "Task_FormalCheck";
  public static final String TASK_SUPPLEMENT_PROPOSAL = "Task_SupplementProposal";
  public static final String TASK_APPROVE_PROJECT = "Task_ApproveProject";
  public static final String GATEWAY_FORMAL_CHECK_OUTCOME = "Gateway_FormalCheckOutcome";
  public static final String GATEWAY_PROJECT_APPROVED = "Gateway_ProjectApproved";
  public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
  public static final String END_PROJECT_APPROVED = "EndEvent_ProjectApproved";
  public static final String END_PROJECT_NOT_APPROVED = "EndEvent_ProjectNotApproved";

  /** Variables of the proposal (start form, supplement form). */
  public static final class Vars {
    public static final String PROPOSER = "proposer";
    public static final String TITLE = "title";
    public static final String NODE = "node";
    public static final String KIND = "kind";
    public static final String RESPONSIBLE_SECTION = "responsibleSection";
    public static final String RATIONALE = "rationale";
    public static final String SCOPE = "scope";
    public static final String PLANNED_COMPLETION_DATE = "plannedCompletionDate";
    public static final String FORMAL_CHECK_DECISION = "formalCheckDecision";
    public static final String FORMAL_CHECK_REASON = "formalCheckReason";
    public static final String PROJECT_DECISION = "projectDecision";
    public static final String PROJECT_DECISION_REASON = "projectDecisionReason";

    private Vars() {
    }
  }

  /** Allowed values of the decision and choice fields. */
  public static final class Values {
    public static final List<String> KINDS = List.of("new", "revision", "adoption");
    public static final List<String> FORMAL_CHECK_DECISIONS = List.of("accept", "supplement", "reject");
    public static final List<String> PROJECT_DECISIONS = List.of("approve", "reject");
    /** Leaf nodes of the standard system (体系表) a standard can sit on. */
    public static final List<String> NODES =
        List.of("101", "102", "103", "201", "202", "203", "204", "205", "206", "301", "302");

    private Values() {
    }
  }

  private StandardLifecycleProcess() {
  }
}
