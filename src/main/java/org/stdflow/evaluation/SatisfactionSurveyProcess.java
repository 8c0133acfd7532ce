package org.stdflow.evaluation;

/** Key, element ids and variable names of processes/evaluation/satisfaction-survey.bpmn (满意度测评). */
public final class SatisfactionSurveyProcess {

  public static final String KEY = "satisfaction-survey";

  public static final String START = "StartEvent_SurveyRoundDue";
  public static final String TASK_PREPARE_ROUND = "Task_PrepareSurveyRound";
  public static final String GATEWAY_ANYTHING_TO_SURVEY = "Gateway_AnythingToSurvey";
  public static final String END_NOTHING_TO_SURVEY = "EndEvent_NothingToSurvey";
  public static final String SUBPROCESS_SERVICE = "SubProcess_SurveyService";
  public static final String TASK_PREPARE_FORM = "Task_PrepareSurveyForm";
  public static final String TASK_ENTER_RESULTS = "Task_EnterSurveyResults";
  public static final String GATEWAY_BELOW_THRESHOLD = "Gateway_BelowThreshold";
  public static final String TASK_OPEN_RECTIFICATION = "Task_OpenSurveyRectification";
  public static final String END_RECTIFICATION_OPENED = "EndEvent_SurveyRectificationOpened";
  public static final String END_SATISFIED = "EndEvent_SurveySatisfied";
  public static final String END_ROUND_DONE = "EndEvent_SurveyRoundDone";

  /** Process variables (those of one service are local to its subprocess instance). */
  public static final class Vars {
    public static final String QUARTER = "quarter";
    public static final String QUARTER_LABEL = "quarterLabel";
    public static final String SURVEY_IDS = "surveyIds";
    public static final String SURVEY_ID = "surveyId";
    public static final String SERVICE_NAME = "serviceName";
    public static final String SECTION = "section";
    public static final String SECTION_NAME = "sectionName";
    public static final String SURVEY_DUE = "surveyDue";
    public static final String RESPONDENTS = "respondents";
    public static final String SURVEY_ANSWERS = "surveyAnswers";
    public static final String EXPECTED_QUESTIONS = "expectedQuestions";
    public static final String SURVEY_NOTE = "surveyNote";
    public static final String RESULT_ID = "surveyResultId";
    public static final String SATISFACTION_RATE = "satisfactionRate";
    public static final String THRESHOLD = "satisfactionThreshold";
    public static final String BELOW_THRESHOLD = "belowThreshold";
    public static final String RECTIFICATION_ID = "rectificationId";

    private Vars() {
    }
  }

  private SatisfactionSurveyProcess() {
  }
}
