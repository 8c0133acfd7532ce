package org.stdflow.inspection;

/** Key, element ids and variable names of processes/inspection/weekly-report.bpmn (周上报). */
public final class WeeklyReportProcess {

  public static final String KEY = "weekly-report";
  public static final String CADENCE = "weekly";

  /** the timer start event, also the start of a run by hand (start form): Camunda 7 allows one none or timer start */
  public static final String START = "StartEvent_WeeklyReportDue";
  public static final String TASK_PREPARE = "Task_PrepareWeeklyReports";
  public static final String GATEWAY_ANY_SECTION = "Gateway_AnySectionToReport";
  /**
   * One instance per section (parallel multi-instance). The report task sits inside it, not on the
   * task itself: Camunda 7 evaluates a multi-instance activity's input mappings before the element
   * variable exists, inside the subprocess they run per section with {@code section} at hand.
   */
  public static final String SUBPROCESS_SECTION_REPORT = "SubProcess_SectionReport";
  public static final String TASK_SUBMIT = "Task_SubmitWeeklyReport";
  public static final String END_SECTION_REPORTED = "EndEvent_SectionReported";
  public static final String END_NOTHING_TO_REPORT = "EndEvent_NothingToReport";
  public static final String END_SUBMITTED = "EndEvent_WeeklyReportsSubmitted";

  private WeeklyReportProcess() {
  }

  /** Variable names. */
  public static final class Vars {
    /** start form: a day inside the week to report on (yyyy-MM-dd); empty: this week */
    public static final String WEEK_DATE = "weekDate";
    public static final String WEEK_START = "weekStart";
    public static final String WEEK_END = "weekEnd";
    public static final String WEEK_LABEL = "weekLabel";
    /** the sections that have not reported for the week yet (multi-instance collection) */
    public static final String SECTIONS_TO_REPORT = "sectionsToReport";
    /** element variable: the section of one report task */
    public static final String SECTION = "section";
    /** JSON: section id → its figures as shown in the form */
    public static final String FIGURES = "figures";
    public static final String REPORT_DUE = "reportDue";
    // task-local form fields
    public static final String SECTION_NAME = "sectionName";
    public static final String INSPECTIONS = "inspections";
    public static final String FAILED = "failed";
    public static final String MISSED = "missed";
    public static final String PASS_RATE = "passRate";
    public static final String RECT_OPENED = "rectOpened";
    public static final String RECT_OPEN = "rectOpen";
    public static final String RECT_OVERDUE = "rectOverdue";
    public static final String SUMMARY = "summary";
    public static final String PROBLEMS = "problems";
    public static final String NEXT_WEEK_PLAN = "nextWeekPlan";

    private Vars() {
    }
  }
}
