package org.stdflow.evaluation;

import java.util.List;
import java.util.Map;

/** Key, element ids and variable names of processes/evaluation/feedback.bpmn (意见反馈与投诉处理). */
public final class FeedbackProcess {

  public static final String KEY = "feedback";

  public static final String START = "StartEvent_FeedbackSubmitted";
  public static final String TASK_REGISTER = "Task_RegisterFeedback";
  public static final String TASK_TRIAGE = "Task_TriageFeedback";
  public static final String GATEWAY_ACCEPTED = "Gateway_FeedbackAccepted";
  public static final String TASK_NOTIFY_REJECTION = "Task_NotifyRejection";
  public static final String END_REJECTED = "EndEvent_FeedbackRejected";
  public static final String TASK_REPLY = "Task_ReplyToFeedback";
  public static final String BOUNDARY_REPLY_DUE_SOON = "BoundaryEvent_ReplyDueSoon";
  public static final String TASK_REMIND_SECTION = "Task_RemindSection";
  public static final String END_REMINDED = "EndEvent_SectionReminded";
  public static final String BOUNDARY_REPLY_OVERDUE = "BoundaryEvent_ReplyOverdue";
  public static final String TASK_ESCALATE = "Task_EscalateOverdueReply";
  public static final String END_ESCALATED = "EndEvent_ReplyEscalated";
  public static final String GATEWAY_FOLLOW_UP = "Gateway_FollowUp";
  public static final String TASK_OPEN_RECTIFICATION = "Task_OpenComplaintRectification";
  public static final String TASK_REQUEST_REVIEW = "Task_RequestStandardReview";
  public static final String GATEWAY_FOLLOW_UP_DONE = "Gateway_FollowUpDone";
  public static final String TASK_NOTIFY_REPLY = "Task_NotifySubmitterOfReply";
  public static final String TASK_RATE = "Task_RateReply";
  public static final String END_RATED = "EndEvent_FeedbackRated";
  public static final String BOUNDARY_RATING_OVER = "BoundaryEvent_RatingPeriodOver";
  public static final String TASK_CLOSE_UNRATED = "Task_CloseUnrated";
  public static final String END_UNRATED = "EndEvent_FeedbackUnrated";

  /** Feedback types (ev_feedback.feedback_type) and their labels. */
  public static final Map<String, String> TYPES = Map.of("SUGGESTION", "意见建议", "COMPLAINT", "投诉",
      "DEFECT", "标准缺陷");
  public static final List<String> TYPE_ORDER = List.of("SUGGESTION", "COMPLAINT", "DEFECT");

  /** Process variables. */
  public static final class Vars {
    public static final String FEEDBACK_ID = "feedbackId";
    public static final String SUBMITTER = "submitter";
    public static final String SUBMITTER_NAME = "submitterName";
    public static final String FEEDBACK_TYPE = "feedbackType";
    public static final String FEEDBACK_TYPE_LABEL = "feedbackTypeLabel";
    public static final String STANDARD_CODE = "standardCode";
    public static final String STANDARD_ID = "standardId";
    public static final String STANDARD_LABEL = "standardLabel";
    public static final String DESCRIPTION = "description";
    public static final String CONTACT = "contact";
    public static final String SECTION_OPTIONS = "sectionOptions";
    public static final String TRIAGE_DECISION = "triageDecision";       // accept | reject
    public static final String REJECT_REASON = "rejectReason";
    public static final String SECTION = "section";
    public static final String SECTION_NAME = "sectionName";
    public static final String TRIAGE_VERDICT = "triageVerdict";         // complaints: substantiated | unfounded | verify
    public static final String SECTION_VERDICT = "sectionVerdict";       // substantiated | unfounded
    public static final String SUBSTANTIATED = "substantiated";
    public static final String REPLY_DUE = "replyDue";
    public static final String REPLY_DUE_TEXT = "replyDueText";
    public static final String REMINDER_DATE = "reminderDate";
    public static final String REPLY = "reply";
    public static final String RECTIFICATION_ID = "rectificationId";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String FOLLOW_UP_TEXT = "followUpText";
    public static final String RATING_DUE = "ratingDue";
    public static final String RATING = "rating";
    public static final String RATING_COMMENT = "ratingComment";

    private Vars() {
    }
  }

  private FeedbackProcess() {
  }
}
