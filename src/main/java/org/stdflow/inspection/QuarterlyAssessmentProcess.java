package org.stdflow.inspection;

/** Key, element ids and variable names of processes/inspection/quarterly-assessment.bpmn (季考核). */
public final class QuarterlyAssessmentProcess {

  public static final String KEY = "quarterly-assessment";
  public static final String CADENCE = "quarterly";

  /** the timer start event, also the start of a run by hand (start form): Camunda 7 allows one none or timer start */
  public static final String START = "StartEvent_QuarterlyAssessmentDue";
  public static final String TASK_RANK = "Task_RankSections";
  public static final String GATEWAY_ALREADY_ASSESSED = "Gateway_QuarterAlreadyAssessed";
  public static final String TASK_ASSESS = "Task_AssessQuarter";
  public static final String GATEWAY_ANY_CRITICISM = "Gateway_AnyCriticism";
  public static final String TASK_CIRCULATE_CRITICISM = "Task_CirculateCriticism";
  public static final String END_ALREADY_ASSESSED = "EndEvent_QuarterAlreadyAssessed";
  public static final String END_ASSESSED = "EndEvent_QuarterAssessed";
  public static final String END_CRITICISM_CIRCULATED = "EndEvent_CriticismCirculated";

  /** Mail of a circulated criticism (mail/circulated-criticism.txt|.html). */
  public static final String MAIL_TEMPLATE = "circulated-criticism";

  private QuarterlyAssessmentProcess() {
  }

  /** Variable names. */
  public static final class Vars {
    /** start form: the quarter to assess (YYYY-Qn); empty: the previous quarter */
    public static final String QUARTER = "quarter";
    public static final String ASSESSMENT_QUARTER = "assessmentQuarter";
    public static final String QUARTER_LABEL = "quarterLabel";
    public static final String ALREADY_ASSESSED = "alreadyAssessed";
    /** JSON array: the ranking rows shown (and recorded) */
    public static final String RANKING = "ranking";
    /** JSON array of {label, value}: the sections for the checklists */
    public static final String SECTION_OPTIONS = "sectionOptions";
    public static final String ASSESSMENT_DUE = "assessmentDue";
    public static final String PRAISED_SECTIONS = "praisedSections";
    public static final String PRAISE_REASON = "praiseReason";
    public static final String CRITICISED_SECTIONS = "criticisedSections";
    public static final String CRITICISM_REASON = "criticismReason";
    public static final String REMARKS = "remarks";
    /** the ids of the insp_commendation rows of the criticisms, for the mails */
    public static final String CRITICISM_IDS = "criticismIds";

    private Vars() {
    }
  }
}
