package org.stdflow.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.stdflow.evaluation.SatisfactionSurveyProcess.Vars;


/** Drives satisfaction-survey as the office would; shared by the H2 process test, the REST test and PostgreSQL. */
public abstract class SurveyTestSupport extends FeedbackTestSupport {

  protected ProcessInstance startRound(String user, String quarter) {
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put(Vars.QUARTER, quarter);
      return engine.getRuntimeService().startProcessInstanceByKey(SatisfactionSurveyProcess.KEY, v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  protected long surveyOf(String service) {
    return jdbc.sql("SELECT id FROM ev_survey WHERE service = :s").param("s", service).query(Long.class).single();
  }

  /** The open 录入测评结果 task of one service in a round. */
  protected Task resultsTask(ProcessInstance round, String service) {
    long id = surveyOf(service);
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(round.getId())
        .taskDefinitionKey(SatisfactionSurveyProcess.TASK_ENTER_RESULTS).list()) {
      Object s = engine.getTaskService().getVariable(t.getId(), Vars.SURVEY_ID);
      if (s != null && ((Number) s).longValue() == id) {
        return t;
      }
    }
    return null;
  }

  /** The form's values: respondents and, per question, the counts of the points 1..5. */
  protected Map<String, Object> results(Task task, Object respondents, int[]... counts) {
    List<Map<String, Object>> prepared = org.stdflow.standard.LifecycleValues.rows(
        engine.getTaskService().getVariable(task.getId(), Vars.SURVEY_ANSWERS));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>(prepared.get(i));
      int[] c = i < counts.length ? counts[i] : counts[counts.length - 1];
      for (int p = 1; p <= 5; p++) {
        row.put("n" + p, c[p - 1]);
      }
      rows.add(row);
    }
    return resultsOf(respondents, rows);
  }

  protected static Map<String, Object> resultsOf(Object respondents, List<Map<String, Object>> rows) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(Vars.RESPONDENTS, respondents);
    v.put(Vars.SURVEY_ANSWERS, Spin.JSON(rows));
    v.put(Vars.SURVEY_NOTE, "发放问卷，现场回收");
    return v;
  }

  protected void enterAll(ProcessInstance round, String user, int respondents, int[] counts) {
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(round.getId())
        .taskDefinitionKey(SatisfactionSurveyProcess.TASK_ENTER_RESULTS).list()) {
      doComplete(t, user, results(t, respondents, counts));
    }
  }

  /** A quarter in the past that no other test uses. */
  protected static String pastQuarter() {
    return (1900 + QUARTERS_USED.incrementAndGet()) + "-Q2";
  }

  private static final java.util.concurrent.atomic.AtomicInteger QUARTERS_USED =
      new java.util.concurrent.atomic.AtomicInteger();
}
