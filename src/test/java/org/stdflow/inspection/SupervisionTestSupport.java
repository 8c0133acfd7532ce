package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.RestClient;
import org.stdflow.document.TestDocuments;
import org.stdflow.standard.LifecycleTestSupport;
import org.stdflow.standard.StandardType;

/**
 * Drives the supervision processes as their users would: a standard in force with its own
 * checklist, a daily inspection run, the inspector's answers, the section's report with evidence
 * uploaded through the document API, the re-inspection.
 */
public abstract class SupervisionTestSupport extends LifecycleTestSupport {

  @Autowired protected ChecklistService checklists;
  @Autowired protected InspectionRecords records;
  /** 0 in the PostgreSQL context, which runs without a web server. */
  @org.springframework.beans.factory.annotation.Value("${local.server.port:0}") protected int port;

  /** Three items at the first canteen: 1 critical (weight 40), 2 and 3 ordinary (30 each). */
  protected static List<ChecklistService.Item> canteenChecklist() {
    return List.of(
        new ChecklistService.Item(null, "5.1", "食品留样 48 小时，留样记录完整", 40, true, List.of("canteen-1")),
        new ChecklistService.Item(null, "6.2", "餐具消毒后保洁存放", 30, false, List.of("canteen-1")),
        new ChecklistService.Item(null, "7.4", "就餐区地面干净无积水", 30, false, List.of("canteen-1", "canteen-2")));
  }

  /** A standard of the canteen section in force (through the register, no life-cycle run) with a checklist. */
  protected long standardInForce(List<ChecklistService.Item> items) {
    String title = unique("机关食堂监督检查试点规范");
    long id = register.createProposal(title, "205", StandardType.INTERNAL, "sec-canteen", "适用于机关食堂", null, null,
        "liuyang");
    register.publish(id, "Q/BSJG T" + UUID.randomUUID().toString().substring(0, 8), null, today(), today().plusYears(3),
        title, "wangjianguo", null);
    checklists.replace(checklists.owner(id), items, "liuyang");
    return id;
  }

  /** A standard published through its real life-cycle run (so it can take an out-of-cycle review). */
  protected long lifecycleStandardInForce(List<ChecklistService.Item> items) {
    ProcessInstance pi = inForce(unique("机关食堂复审联动规范"), "INTERNAL", null);
    long id = standardId(pi);
    checklists.replace(checklists.owner(id), items, "liuyang");
    return id;
  }

  protected ProcessInstance startDaily(LocalDate date) {
    engine.getIdentityService().setAuthentication("zhaomin", groupsOf("zhaomin"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(DailyInspectionProcess.KEY,
          Map.of(DailyInspectionProcess.Vars.INSPECTION_DATE, date.toString()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  protected long inspectionOf(long standardId, LocalDate date, String place) {
    return jdbc.sql("SELECT id FROM insp_inspection WHERE standard_id = :s AND inspection_date = :d AND place_code = :p")
        .param("s", standardId).param("d", date).param("p", place).query(Long.class).single();
  }

  /** The open 日常检查 task of one inspection. */
  protected Task inspectionTask(ProcessInstance daily, long inspectionId) {
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(daily.getId())
        .taskDefinitionKey(DailyInspectionProcess.TASK_INSPECT_PLACE).list()) {
      Object id = engine.getTaskService().getVariable(t.getId(), DailyInspectionProcess.Vars.INSPECTION_ID);
      if (id != null && ((Number) id).longValue() == inspectionId) {
        return t;
      }
    }
    return null;
  }

  /** The inspector's answers, in checklist order: PASS / FAIL / NA (FAIL gets a note). */
  protected Map<String, Object> answers(Task task, String... results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> prepared = org.stdflow.standard.LifecycleValues.rows(
        engine.getTaskService().getVariable(task.getId(), DailyInspectionProcess.Vars.CHECKLIST));
    for (int i = 0; i < prepared.size(); i++) {
      Map<String, Object> row = new java.util.LinkedHashMap<>(prepared.get(i));
      row.put("result", i < results.length ? results[i] : null);
      row.put("note", i < results.length && "FAIL".equals(results[i]) ? "现场发现问题 " + (i + 1) : "");
      rows.add(row);
    }
    return Map.of(DailyInspectionProcess.Vars.CHECKLIST, Spin.JSON(rows),
        DailyInspectionProcess.Vars.INSPECTION_NOTE, "按检查表逐项检查");
  }

  /** The rectification run called for an inspection. */
  protected ProcessInstance rectificationOf(long inspectionId) {
    long id = jdbc.sql("SELECT id FROM insp_rectification WHERE inspection_id = :i").param("i", inspectionId)
        .query(Long.class).single();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(String.format("ZG%06d", id)).singleResult();
  }

  /** A failed inspection of a fresh standard: returns the rectification run. */
  protected ProcessInstance failedInspection(long standardId, String... results) {
    LocalDate date = today();
    ProcessInstance daily = startDaily(date);
    long inspection = inspectionOf(standardId, date, "canteen-1");
    doComplete(inspectionTask(daily, inspection), "majun", answers(inspectionTask(daily, inspection), results));
    return rectificationOf(inspection);
  }

  protected void uploadEvidence(ProcessInstance rectification, String user) {
    Task task = task(rectification, RectificationProcess.TASK_SUBMIT_REPORT);
    byte[] photo = TestDocuments.photo("jpeg");
    if (port == 0) {
      documents.store(new org.stdflow.document.DocumentUpload(rectification.getId(), task.getId(),
          task.getTaskDefinitionKey(), (Long) engine.getRuntimeService().getVariable(rectification.getId(), "standardId"),
          org.stdflow.document.DocumentKind.EVIDENCE, "整改后照片.jpg", photo.length,
          new org.springframework.core.io.ByteArrayResource(photo), user));
      return;
    }
    RestClient.Response r = RestClient.as(port, user, "demo").postMultipart("/api/tasks/" + task.getId() + "/documents",
        Map.of("kind", "EVIDENCE"), new RestClient.FilePart("file", "整改后照片.jpg", "image/jpeg",
            photo));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  protected void report(ProcessInstance rectification) {
    uploadEvidence(rectification, "liuyang");
    complete(rectification, RectificationProcess.TASK_SUBMIT_REPORT, "liuyang",
        Map.of(RectificationProcess.Vars.MEASURES, "已重新培训保洁人员，增加每日两次巡查并留存记录"));
  }

  /** The re-inspection's verdict per open finding ("resolved" / "open"), in order. */
  protected Map<String, Object> reinspection(ProcessInstance rectification, String effectiveness, String... outcomes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> prepared = org.stdflow.standard.LifecycleValues.rows(engine.getRuntimeService()
        .getVariable(rectification.getId(), RectificationProcess.Vars.FINDING_CHECKS));
    for (int i = 0; i < prepared.size(); i++) {
      Map<String, Object> row = new java.util.LinkedHashMap<>(prepared.get(i));
      String outcome = i < outcomes.length ? outcomes[i] : null;
      row.put("outcome", outcome);
      row.put("checkNote", "open".equals(outcome) ? "复查时仍未整改" : "");
      rows.add(row);
    }
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put(RectificationProcess.Vars.FINDING_CHECKS, Spin.JSON(rows));
    vars.put(RectificationProcess.Vars.EFFECTIVENESS_NOTE, effectiveness);
    return vars;
  }

  protected void executeJob(ProcessInstance pi, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  protected List<String> outbox(String keyPrefix) {
    return jdbc.sql("SELECT kind || ':' || recipient_user FROM ntf_notification WHERE idempotency_key LIKE :k ORDER BY id")
        .param("k", keyPrefix + "%").query(String.class).list();
  }
}
