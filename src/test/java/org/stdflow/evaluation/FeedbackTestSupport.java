package org.stdflow.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.stdflow.evaluation.FeedbackProcess.Vars;
import org.stdflow.inspection.SupervisionTestSupport;

/** Drives the feedback process as its users would; shared by the H2 process test and the PostgreSQL happy path. */
public abstract class FeedbackTestSupport extends SupervisionTestSupport {

  protected ProcessInstance submit(String user, String type, String standardCode, String description) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.FEEDBACK_TYPE, type);
    v.put(Vars.STANDARD_CODE, standardCode);
    v.put(Vars.DESCRIPTION, description);
    v.put(Vars.CONTACT, "0571-8888" + (int) (Math.random() * 9000 + 1000));
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(FeedbackProcess.KEY, v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  protected static Map<String, Object> accept(String type, String section, String verdict) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.TRIAGE_DECISION, "accept");
    v.put(Vars.FEEDBACK_TYPE, type);
    v.put(Vars.SECTION, section);
    v.put(Vars.TRIAGE_VERDICT, verdict);
    return v;
  }

  protected static Map<String, Object> reply(String text, String sectionVerdict) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.REPLY, text);
    v.put(Vars.SECTION_VERDICT, sectionVerdict);
    return v;
  }

  protected static Map<String, Object> rating(Object rating, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.RATING, rating);
    v.put(Vars.RATING_COMMENT, comment);
    return v;
  }

  protected long feedbackId(ProcessInstance pi) {
    return (Long) historicVariable(pi, Vars.FEEDBACK_ID);
  }

  protected Map<String, Object> feedbackRow(ProcessInstance pi) {
    return jdbc.sql("SELECT * FROM ev_feedback WHERE id = :id").param("id", feedbackId(pi)).query().singleRow();
  }
}
