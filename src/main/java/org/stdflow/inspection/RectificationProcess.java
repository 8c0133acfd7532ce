package org.stdflow.inspection;

/** Key, element ids and variable names of processes/inspection/rectification.bpmn (整改). */
public final class RectificationProcess {

  public static final String KEY = "rectification";

  public static final String START = "StartEvent_RectificationOrdered";
  public static final String TASK_ISSUE_NOTICE = "Task_IssueRectificationNotice";
  public static final String TASK_SUBMIT_REPORT = "Task_SubmitRectificationReport";
  public static final String BOUNDARY_DUE_SOON = "BoundaryEvent_RectificationDueSoon";
  public static final String TASK_SEND_REMINDER = "Task_SendRectificationReminder";
  public static final String END_REMINDER_SENT = "EndEvent_RectificationReminderSent";
  public static final String BOUNDARY_OVERDUE = "BoundaryEvent_RectificationOverdue";
  public static final String TASK_ESCALATE_OVERDUE = "Task_EscalateOverdueRectification";
  public static final String END_OVERDUE_ESCALATED = "EndEvent_OverdueEscalated";
  public static final String TASK_REINSPECT = "Task_Reinspect";
  public static final String GATEWAY_REINSPECTION_PASSED = "Gateway_ReinspectionPassed";
  public static final String TASK_CLOSE = "Task_CloseRectification";
  public static final String END_CLOSED = "EndEvent_RectificationClosed";
  public static final String TASK_CIRCULATE_CRITICISM = "Task_CirculateCriticism";
  public static final String TASK_SCORE_NEXT_ROUND = "Task_ScoreNextRound";
  public static final String TASK_OPEN_NEXT_ROUND = "Task_OpenNextRound";
  public static final String GATEWAY_REPEATED_FAILURE = "Gateway_RepeatedFailure";
  public static final String TASK_REQUEST_REVIEW = "Task_RequestStandardReview";

  /** Process variables. */
  public static final class Vars {
    public static final String INSPECTION_ID = "inspectionId";
    public static final String RECTIFICATION_ID = "rectificationId";
    public static final String STANDARD_ID = "standardId";
    public static final String STANDARD_LABEL = "standardLabel";
    public static final String SECTION = "section";
    public static final String SECTION_NAME = "sectionName";
    public static final String PLACE_NAME = "placeName";
    public static final String ROUND = "round";
    public static final String SEVERITY = "severity";
    public static final String SEVERITY_LABEL = "severityLabel";
    public static final String RECTIFICATION_DUE = "rectificationDue";
    public static final String REMINDER_DATE = "reminderDate";
    public static final String FINDINGS_TEXT = "findingsText";
    // the section's report
    public static final String MEASURES = "measures";
    // the re-inspection
    public static final String FINDING_CHECKS = "findingChecks";
    public static final String EFFECTIVENESS_NOTE = "effectivenessNote";
    public static final String REINSPECTION_PASSED = "reinspectionPassed";
    // input of the DMN for the next round
    public static final String PASS_RATE = "passRate";
    public static final String CRITICAL_FAILURES = "criticalFailures";
    /** INSPECTION, COMPLAINT or SURVEY: what the mails and list labels call the finding and its subject. */
    public static final String RECTIFICATION_SOURCE = "rectificationSource";
    public static final String FAILED_ITEMS = "failedItems";
    public static final String SCORING = "scoring";
    public static final String REVIEW_DUE = "reviewDue";

    private Vars() {
    }
  }

  private RectificationProcess() {
  }
}
