package org.stdflow.inspection;

/** Key, element ids and variable names of processes/inspection/monthly-evaluation.bpmn (月评价). */
public final class MonthlyEvaluationProcess {

  public static final String KEY = "monthly-evaluation";
  public static final String CADENCE = "monthly";

  /** the timer start event, also the start of a run by hand (start form): Camunda 7 allows one none or timer start */
  public static final String START = "StartEvent_MonthlyEvaluationDue";
  public static final String TASK_GATHER = "Task_GatherMonthlyFigures";
  public static final String GATEWAY_ALREADY_EVALUATED = "Gateway_MonthAlreadyEvaluated";
  public static final String TASK_EVALUATE = "Task_EvaluateMonth";
  public static final String END_ALREADY_EVALUATED = "EndEvent_MonthAlreadyEvaluated";
  public static final String END_EVALUATED = "EndEvent_MonthEvaluated";

  private MonthlyEvaluationProcess() {
  }

  /** Variable names. */
  public static final class Vars {
    /** start form: the month to evaluate (YYYY-MM); empty: the previous month */
    public static final String MONTH = "month";
    public static final String EVALUATION_MONTH = "evaluationMonth";
    public static final String MONTH_LABEL = "monthLabel";
    public static final String ALREADY_EVALUATED = "alreadyEvaluated";
    /** the dynamic list of the form: one row per section, figures, score and comment */
    public static final String EVALUATION_ROWS = "evaluationRows";
    /** JSON: section id → its figures as shown (what is recorded) */
    public static final String FIGURES = "monthlyFigures";
    public static final String EVALUATION_DUE = "evaluationDue";

    private Vars() {
    }
  }
}
