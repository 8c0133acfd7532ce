package org.stdflow.standard;

import java.util.List;

/**
 * Names from processes/standard/standard-lifecycle.bpmn, so Java never repeats a string of the
 * model: element ids, the message, and variable names with their allowed values.
 */
public final class StandardLifecycleProcess {

  public static final String KEY = "standard-lifecycle";
  public static final String MESSAGE_REVIEW_REQUESTED = "StandardReviewRequested";

  public static final String START_PROPOSAL_SUBMITTED = "StartEvent_ProposalSubmitted";
  public static final String TASK_REGISTER_PROPOSAL = "Task_RegisterProposal";
  public static final String TASK_FORMAL_CHECK = "Task_FormalCheck";
  public static final String TASK_SUPPLEMENT_PROPOSAL = "Task_SupplementProposal";
  public static final String TASK_APPROVE_PROJECT = "Task_ApproveProject";
  public static final String TASK_DRAFT_STANDARD = "Task_DraftStandard";
  public static final String SUBPROCESS_COMMENTS = "SubProcess_Comments";
  public static final String TASK_COMMENT_ON_DRAFT = "Task_CommentOnDraft";
  public static final String BOUNDARY_COMMENT_DEADLINE = "BoundaryEvent_CommentDeadline";
  public static final String TASK_RESOLVE_COMMENTS = "Task_ResolveComments";
  public static final String TASK_HOLD_REVIEW_MEETING = "Task_HoldReviewMeeting";
  public static final String TASK_APPLY_REVIEW_CHANGES = "Task_ApplyReviewChanges";
  public static final String TASK_APPROVE_PUBLICATION = "Task_ApprovePublication";
  public static final String TASK_PUBLISH_STANDARD = "Task_PublishStandard";
  public static final String TASK_RECORD_TRAINING = "Task_RecordTraining";
  public static final String SUBPROCESS_ACKNOWLEDGEMENTS = "SubProcess_Acknowledgements";
  public static final String TASK_ACKNOWLEDGE_STANDARD = "Task_AcknowledgeStandard";
  public static final String BOUNDARY_ACKNOWLEDGEMENT_DEADLINE = "BoundaryEvent_AcknowledgementDeadline";
  public static final String GATEWAY_IN_FORCE = "Gateway_InForce";
  public static final String TIMER_PERIODIC_REVIEW_DUE = "TimerEvent_PeriodicReviewDue";
  public static final String MESSAGE_OUT_OF_CYCLE_REVIEW = "MessageEvent_OutOfCycleReview";
  public static final String TASK_GATHER_REVIEW_EVIDENCE = "Task_GatherReviewEvidence";
  public static final String TASK_REVIEW_STANDARD = "Task_ReviewStandard";
  public static final String TASK_START_REVISION = "Task_StartRevision";
  public static final String TASK_RECORD_REVIEW_KEPT = "Task_RecordReviewKept";
  public static final String TASK_PUBLISH_INTERPRETATION = "Task_PublishInterpretation";
  public static final String TASK_APPROVE_REPEAL = "Task_ApproveRepeal";
  public static final String GATEWAY_FORMAL_CHECK_OUTCOME = "Gateway_FormalCheckOutcome";
  public static final String GATEWAY_PROJECT_APPROVED = "Gateway_ProjectApproved";
  public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
  public static final String END_PROJECT_NOT_APPROVED = "EndEvent_ProjectNotApproved";
  public static final String END_STANDARD_REPEALED = "EndEvent_StandardRepealed";

  /** Variable names. */
  public static final class Vars {
    // proposal (start form, supplement form)
    public static final String PROPOSER = "proposer";
    public static final String TITLE = "title";
    public static final String NODE = "node";
    public static final String KIND = "kind";
    public static final String STANDARD_TYPE = "standardType";
    public static final String EXTERNAL_CODE = "externalCode";
    public static final String REVISED_STANDARD_CODE = "revisedStandardCode";
    public static final String RESPONSIBLE_SECTION = "responsibleSection";
    public static final String RATIONALE = "rationale";
    public static final String SCOPE = "scope";
    public static final String PLANNED_COMPLETION_DATE = "plannedCompletionDate";
    // set by the register for forms and tasks
    public static final String STANDARD_ID = "standardId";
    /** The run of the standard in force that a revision proposal will replace at publication. */
    public static final String SUPERSEDED_RUN_ID = "supersededRunId";
    public static final String NODE_NAME = "nodeName";
    public static final String KIND_LABEL = "kindLabel";
    public static final String STANDARD_TYPE_LABEL = "standardTypeLabel";
    public static final String RESPONSIBLE_SECTION_NAME = "responsibleSectionName";
    public static final String PROPOSER_NAME = "proposerName";
    // decisions
    public static final String FORMAL_CHECK_DECISION = "formalCheckDecision";
    public static final String FORMAL_CHECK_REASON = "formalCheckReason";
    public static final String PROJECT_DECISION = "projectDecision";
    public static final String PROJECT_DECISION_REASON = "projectDecisionReason";
    // drafting and comments
    public static final String GBT11_ELEMENTS = "gbt11Elements";
    public static final String CONSULTED_SECTIONS = "consultedSections";
    public static final String CONSULTED_SECTION_LIST = "consultedSectionList";
    public static final String CONSULTED_SECTION = "consultedSection";
    public static final String COMMENT_DUE_DATE = "commentDueDate";
    public static final String COMMENT_ROUND_OPENED = "commentRoundOpened";
    public static final String NO_COMMENT = "noComment";
    public static final String COMMENT_TEXT = "commentText";
    public static final String COMMENT_ROWS = "commentRows";
    public static final String SECTIONS_WITHOUT_COMMENT = "sectionsWithoutComment";
    // review meeting and approval
    public static final String MEETING_DATE = "meetingDate";
    public static final String PARTICIPANTS = "participants";
    public static final String PARTICIPANT_COUNT = "participantCount";
    public static final String VOTES_FOR = "votesFor";
    public static final String VOTES_AGAINST = "votesAgainst";
    public static final String VOTES_ABSTAIN = "votesAbstain";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String REVIEW_REMARKS = "reviewRemarks";
    public static final String CHANGES_DESCRIPTION = "changesDescription";
    public static final String PUBLICATION_DECISION = "publicationDecision";
    public static final String PUBLICATION_REASON = "publicationReason";
    public static final String EFFECTIVE_DATE = "effectiveDate";
    // publication, training, acknowledgement
    public static final String REVIEW_INTERVAL_YEARS = "reviewIntervalYears";
    public static final String STANDARD_CODE = "standardCode";
    public static final String VERSION_ID = "versionId";
    public static final String VERSION_NO = "versionNo";
    public static final String NEXT_REVIEW_DATE = "nextReviewDate";
    public static final String TRAINING_DATE = "trainingDate";
    public static final String TRAINING_ATTENDEES = "trainingAttendees";
    public static final String ACKNOWLEDGERS = "acknowledgers";
    public static final String ACKNOWLEDGER = "acknowledger";
    public static final String ACKNOWLEDGEMENT_DUE_DATE = "acknowledgementDueDate";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String NOT_ACKNOWLEDGED = "notAcknowledged";
    // periodic review
    public static final String REVIEW_TRIGGER = "reviewTrigger";
    public static final String REVIEW_TRIGGER_LABEL = "reviewTriggerLabel";
    public static final String REVIEW_TRIGGER_REASON = "reviewTriggerReason";
    public static final String REVIEW_REQUESTED_BY = "reviewRequestedBy";
    public static final String REVIEW_EVIDENCE = "reviewEvidence";
    public static final String PERIODIC_REVIEW_OUTCOME = "periodicReviewOutcome";
    public static final String PERIODIC_REVIEW_REASON = "periodicReviewReason";
    public static final String INTERPRETATION_SUMMARY = "interpretationSummary";
    public static final String REPEAL_DECISION = "repealDecision";
    public static final String REPEAL_DECISION_REASON = "repealDecisionReason";

    private Vars() {
    }
  }

  /** Allowed values of the choice fields. */
  public static final class Values {
    public static final List<String> KINDS = List.of("new", "revision", "adoption");
    public static final List<String> FORMAL_CHECK_DECISIONS = List.of("accept", "supplement", "reject");
    public static final List<String> PROJECT_DECISIONS = List.of("approve", "reject");
    public static final List<String> REVIEW_OUTCOMES = List.of("pass", "pass_with_changes", "fail");
    public static final List<String> PUBLICATION_DECISIONS = List.of("approve", "return");
    public static final List<String> COMMENT_DECISIONS = List.of("accept", "partial", "reject");
    public static final List<String> PERIODIC_REVIEW_OUTCOMES = List.of("keep", "revise", "repeal", "interpret");
    public static final List<String> REPEAL_DECISIONS = List.of("approve", "reject");
    /** GB/T 1.1-2020 elements every draft must contain. */
    public static final List<String> REQUIRED_GBT11_ELEMENTS =
        List.of("scope", "normativeReferences", "termsAndDefinitions", "requirements");

    private Values() {
    }
  }

  private StandardLifecycleProcess() {
  }
}
