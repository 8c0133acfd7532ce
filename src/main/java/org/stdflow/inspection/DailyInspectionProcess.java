package org.stdflow.inspection;

/** Key, element ids and variable names of processes/inspection/daily-inspection.bpmn (日检查). */
public final class DailyInspectionProcess {

  public static final String KEY = "daily-inspection";

  /** The timer start event, also the way in when a run is started by hand. */
  public static final String START_TIMER = "StartEvent_DailyInspectionDue";
  public static final String TASK_PLAN_INSPECTIONS = "Task_PlanInspections";
  public static final String GATEWAY_ANYTHING_TO_INSPECT = "Gateway_AnythingToInspect";
  public static final String END_NOTHING_TO_INSPECT = "EndEvent_NothingToInspect";
  public static final String SUBPROCESS_INSPECTION = "SubProcess_Inspection";
  public static final String TASK_PREPARE_CHECKLIST = "Task_PrepareChecklist";
  public static final String TASK_INSPECT_PLACE = "Task_InspectPlace";
  public static final String BOUNDARY_INSPECTION_MISSED = "BoundaryEvent_InspectionMissed";
  public static final String TASK_RECORD_MISSED = "Task_RecordMissedInspection";
  public static final String END_INSPECTION_MISSED = "EndEvent_InspectionMissed";
  public static final String TASK_SCORE_INSPECTION = "Task_ScoreInspection";
  public static final String TASK_RECORD_RESULT = "Task_RecordInspectionResult";
  public static final String GATEWAY_PASSED = "Gateway_InspectionPassed";
  public static final String END_INSPECTION_PASSED = "EndEvent_InspectionPassed";
  public static final String CALL_RECTIFICATION = "CallActivity_Rectification";
  public static final String END_RECTIFICATION_FINISHED = "EndEvent_RectificationFinished";
  public static final String END_DAILY_INSPECTION_DONE = "EndEvent_DailyInspectionDone";

  /** Process variables. */
  public static final class Vars {
    /** Start form (optional): the day to inspect, yyyy-MM-dd; default today. */
    public static final String INSPECTION_DATE = "inspectionDate";
    public static final String INSPECTION_IDS = "inspectionIds";
    public static final String PLANNED_COUNT = "plannedCount";
    /** Element variable of the multi-instance subprocess. */
    public static final String INSPECTION_ID = "inspectionId";
    // local to each inspection (the subprocess instance)
    public static final String CHECKLIST = "checklist";
    public static final String INSPECTION_NOTE = "inspectionNote";
    public static final String INSPECTION_DUE = "inspectionDue";
    public static final String STANDARD_ID = "standardId";
    public static final String STANDARD_LABEL = "standardLabel";
    public static final String PLACE_NAME = "placeName";
    public static final String SECTION = "section";
    public static final String SECTION_NAME = "sectionName";
    public static final String INSPECTOR = "inspector";
    public static final String PASS_RATE = "passRate";
    public static final String CRITICAL_FAILURES = "criticalFailures";
    public static final String FAILED_ITEMS = "failedItems";
    public static final String ROUND = "round";
    public static final String SCORING = "scoring";
    public static final String PASSED = "passed";

    private Vars() {
    }
  }

  /** Answers of a checklist item in the form. */
  public static final class Results {
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String NOT_APPLICABLE = "NA";

    private Results() {
    }
  }

  private DailyInspectionProcess() {
  }
}
