package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.standard.StandardLifecycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.standard.LifecycleTestSupport;
import org.stdflow.standard.StandardLifecycleProcess.Vars;

/**
 * A standard goes through proposal → publication → periodic review → revision → publication of
 * version 2; its trail (read through the REST API as an auditor) lists every step in order with
 * actors, sections, decisions with values and reasons, and the SHA-256 of every document.
 */
@StdflowSpringTest
class AuditTrailTest extends LifecycleTestSupport {

  @LocalServerPort int port;

  @Test
  void theTrailOfAStandardFromProposalThroughRevisionListsEveryStepInOrder() {
    Instant began = Instant.now().minusSeconds(2);
    ProcessInstance pi = inForce(unique("机关食堂留样管理规范"), "INTERNAL", null);
    long id = standardId(pi);
    executeTimer(pi, TIMER_PERIODIC_REVIEW_DUE);
    complete(pi, TASK_REVIEW_STANDARD, "liuyang",
        Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "revise", Vars.PERIODIC_REVIEW_REASON, "留样时长按新规调整为 48 小时"));
    publishFromDrafting(pi);
    String code = register.get(id).code();

    JsonNode body = RestClient.as(port, "linxiao", "demo")
        .get("/api/audit/entries?standardCode=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8))
        .json();
    assertThat(body.path("standard").path("id").asLong()).isEqualTo(id);
    List<JsonNode> entries = StreamSupport.stream(body.path("entries").spliterator(), false).toList();
    assertThat(entries).hasSize(body.path("count").asInt()).isNotEmpty();

    // in the order things happened
    List<Instant> times = entries.stream().map(e -> Instant.parse(e.path("occurredAt").asText())).toList();
    assertThat(times).isSortedAccordingTo(Instant::compareTo);
    // at the instant it happened (the mail outbox stamps the bureau's wall-clock time, JDBC the JVM's:
    // the two were hours apart on a server in another TZ until the JVM ran in the bureau's zone)
    Instant read = Instant.now().plusSeconds(2);
    assertThat(entries).allSatisfy(e -> assertThat(Instant.parse(e.path("occurredAt").asText()))
        .as(action(e) + " " + e.path("subject").asText()).isBetween(began, read));
    assertThat(entries).anySatisfy(e -> assertThat(action(e)).isEqualTo("MAIL_QUEUED"));
    assertThat(entries).allSatisfy(e -> assertThat(e.path("standardId").asLong()).isEqualTo(id));

    // every completed task of the run, in order, by whom, in which step
    List<HistoricTaskInstance> tasks = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId()).finished().orderByHistoricTaskInstanceEndTime().asc().list().stream()
        .filter(t -> "completed".equals(t.getDeleteReason())).toList();
    List<JsonNode> completedEntries = entries.stream().filter(e -> action(e).equals("TASK_COMPLETED")).toList();
    assertThat(completedEntries.stream().map(e -> e.path("taskId").asText()).sorted().toList())
        .isEqualTo(tasks.stream().map(HistoricTaskInstance::getId).sorted().toList());
    for (JsonNode e : completedEntries) {
      HistoricTaskInstance t = tasks.stream().filter(x -> x.getId().equals(e.path("taskId").asText())).findFirst()
          .orElseThrow();
      assertThat(e.path("step").asText()).isEqualTo(t.getName());
      assertThat(e.path("actor").asText()).isEqualTo(t.getAssignee());
    }
    assertThat(indexOf(entries, "TASK_COMPLETED", TASK_FORMAL_CHECK)).isLessThan(indexOf(entries, "TASK_COMPLETED",
        TASK_APPROVE_PROJECT));
    assertThat(indexOf(entries, "TASK_COMPLETED", TASK_APPROVE_PROJECT))
        .isLessThan(indexOf(entries, "TASK_COMPLETED", TASK_DRAFT_STANDARD));
    assertThat(indexOf(entries, "TASK_COMPLETED", TASK_HOLD_REVIEW_MEETING))
        .isLessThan(indexOf(entries, "TASK_COMPLETED", TASK_APPROVE_PUBLICATION));
    assertThat(indexOf(entries, "TASK_COMPLETED", TASK_APPROVE_PUBLICATION))
        .isLessThan(indexOf(entries, "TASK_COMPLETED", TASK_REVIEW_STANDARD));

    JsonNode started = entries.get(0);
    assertThat(action(started)).as(entries.subList(0, 4).toString()).isEqualTo("PROCESS_STARTED");
    assertThat(started.path("actor").asText()).isEqualTo("liuyang");
    assertThat(started.path("actorName").asText()).isEqualTo("刘洋");
    assertThat(started.path("sectionName").asText()).isEqualTo("食堂管理科");
    assertThat(started.path("step").asText()).isEqualTo("提交立项申请");

    // decisions with their values, reasons, deciders and steps
    JsonNode formal = decision(entries, Vars.FORMAL_CHECK_DECISION).get(0);
    assertThat(formal.path("value").asText()).isEqualTo("accept");
    assertThat(formal.path("actor").asText()).isEqualTo("zhaomin");
    assertThat(formal.path("section").asText()).isEqualTo("std-office");
    assertThat(formal.path("step").asText()).isEqualTo("形式审查");
    JsonNode project = decision(entries, Vars.PROJECT_DECISION).get(0);
    assertThat(project.path("value").asText()).isEqualTo("approve");
    assertThat(project.path("actor").asText()).isEqualTo("wangjianguo");
    assertThat(project.path("step").asText()).isEqualTo("立项批准");
    assertThat(decision(entries, Vars.REVIEW_OUTCOME)).hasSize(2)
        .allSatisfy(d -> assertThat(d.path("step").asText()).isEqualTo("组织评审会"));
    assertThat(decision(entries, Vars.PUBLICATION_DECISION)).hasSize(2)
        .allSatisfy(d -> assertThat(d.path("actor").asText()).isEqualTo("wangjianguo"));
    JsonNode review = decision(entries, Vars.PERIODIC_REVIEW_OUTCOME).get(0);
    assertThat(review.path("value").asText()).isEqualTo("revise");
    assertThat(review.path("reason").asText()).isEqualTo("留样时长按新规调整为 48 小时");
    assertThat(review.path("actor").asText()).isEqualTo("liuyang");
    // the comment decisions of the drafting rounds
    assertThat(entries.stream().filter(e -> action(e).equals("DECISION")
        && e.path("subject").asText().startsWith("commentDecision:"))).hasSize(2);

    // every document of the standard with its SHA-256, by its uploader
    List<Map<String, Object>> documents = jdbc.sql(
            "SELECT sha256, uploaded_by FROM std_document WHERE standard_id = :s OR process_instance_id = :pi")
        .param("s", id).param("pi", pi.getId()).query().listOfRows();
    List<JsonNode> uploads = entries.stream().filter(e -> action(e).equals("DOCUMENT_UPLOADED")).toList();
    assertThat(documents).hasSizeGreaterThanOrEqualTo(6); // uploads of both rounds plus generated comment tables
    assertThat(uploads.stream().map(e -> e.path("sha256").asText()).sorted().toList())
        .isEqualTo(documents.stream().map(d -> ((String) d.get("sha256")).strip()).sorted().toList());
    assertThat(uploads).allSatisfy(u -> assertThat(u.path("sha256").asText()).hasSize(64));

    // both versions, the notices, the training records
    assertThat(entries.stream().filter(e -> action(e).equals("VERSION_PUBLISHED"))).hasSize(2);
    assertThat(entries.stream().filter(e -> action(e).equals("NOTICE")).map(e -> e.path("subject").asText()))
        .containsExactly("PUBLISHED", "REVISED");
    assertThat(entries.stream().filter(e -> action(e).equals("TRAINING"))).hasSize(2);
    assertThat(indexOf(entries, "DECISION", null, Vars.PERIODIC_REVIEW_OUTCOME))
        .isLessThan(lastIndexOf(entries, "VERSION_PUBLISHED"));

    // the same standard by id, the run alone, one user, one period
    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    assertThat(auditor.get("/api/audit/entries?standardId=" + id).json().path("count").asInt()).isEqualTo(entries.size());
    JsonNode byUser = auditor.get("/api/audit/entries?standardId=" + id + "&user=wangjianguo").json();
    assertThat(byUser.path("entries")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("wangjianguo"));
    JsonNode bySection = auditor.get("/api/audit/entries?standardId=" + id + "&section=std-office").json();
    assertThat(bySection.path("entries")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("section").asText()).isEqualTo("std-office"));
    String today = today().toString();
    assertThat(auditor.get("/api/audit/entries?standardId=" + id + "&from=" + today + "&to=" + today).json()
        .path("count").asInt()).isEqualTo(entries.size());
    assertThat(auditor.get("/api/audit/entries?standardId=" + id + "&to=" + today().minusDays(1)).json()
        .path("count").asInt()).isZero();
    JsonNode byRun = auditor.get("/api/audit/entries?processInstanceId=" + pi.getId()).json();
    assertThat(byRun.path("entries")).allSatisfy(e -> assertThat(e.path("processInstanceId").asText()).isEqualTo(pi.getId()));

    // the runs of the standard and the diagram of the run with the path taken
    JsonNode runs = auditor.get("/api/audit/processes?standardId=" + id).json();
    assertThat(runs.path("processes").get(0).path("id").asText()).isEqualTo(pi.getId());
    JsonNode diagram = auditor.get("/api/audit/processes/" + pi.getId()).json();
    assertThat(diagram.path("bpmnXml").asText()).contains("Task_FormalCheck");
    List<String> passed = new ArrayList<>();
    diagram.path("passed").forEach(n -> passed.add(n.asText()));
    assertThat(passed).contains(START_PROPOSAL_SUBMITTED, TASK_FORMAL_CHECK, TASK_APPROVE_PROJECT, TASK_REVIEW_STANDARD,
        TASK_START_REVISION).doesNotContain(END_PROPOSAL_REJECTED);
  }

  @Test
  void aDocumentUploadedOutsideAnyStepIsChainedByTheSweepOnce() {
    ProcessInstance pi = approvedProposal(unique("物业保洁服务规范"), "huanglei", "sec-property");
    // as the document page does: stored in its own transaction, no engine step involved
    org.stdflow.document.DocumentInfo doc = documents.storeGenerated(pi.getId(), standardId(pi),
        org.stdflow.document.DocumentKind.STANDARD_TEXT, "物业保洁服务规范（草案）.pdf", "application/pdf",
        ("%PDF-1.4 " + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "huanglei");
    String key = "std_document:" + doc.id();
    assertThat(chained(key)).isZero();

    assertThat(sweep.sweepOnce()).isGreaterThanOrEqualTo(1);
    assertThat(chained(key)).isEqualTo(1);
    Map<String, Object> entry = jdbc.sql("SELECT actor, actor_section, sha256, standard_id, process_instance_id"
        + " FROM aud_entry WHERE source_key = :k").param("k", key).query().singleRow();
    assertThat(entry.get("ACTOR") != null ? entry.get("ACTOR") : entry.get("actor")).isEqualTo("huanglei");
    assertThat(((String) (entry.get("SHA256") != null ? entry.get("SHA256") : entry.get("sha256"))).strip())
        .isEqualTo(doc.sha256());

    // neither a second sweep nor the run's next step chains it again
    sweep.sweepOnce();
    upload(pi, org.stdflow.document.DocumentKind.DRAFTING_NOTES, "huanglei");
    complete(pi, TASK_DRAFT_STANDARD, "huanglei", draft(List.of("sec-general")));
    assertThat(chained(key)).isEqualTo(1);
    assertThat(chain.verify().intact()).isTrue();
  }

  /**
   * Supervision (built elsewhere) is included generically: any run carrying the variable
   * standardId belongs to the standard's trail, and the supervision tables' rows become entries.
   */
  @Test
  void supervisionRunsAndRecordsJoinTheStandardsTrail() {
    ProcessInstance lifecycleRun = inForce(unique("食堂卫生检查规范"), "INTERNAL", null);
    long id = standardId(lifecycleRun);
    long versionId = register.get(id).currentVersionId();
    String key = "audit-probe-inspection";
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).name("日常检查（测试）")
        .camundaHistoryTimeToLive(3650).startEvent("StartEvent_Probe").name("开始检查")
        .userTask("Task_Inspect").name("现场检查").camundaCandidateGroups("inspectors")
        .endEvent("EndEvent_Probe").name("检查完成").done();
    String deployment = engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model)
        .deploy().getId();
    try {
      engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
      ProcessInstance inspection;
      try {
        inspection = engine.getRuntimeService().startProcessInstanceByKey(key, Map.of(Vars.STANDARD_ID, id));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      // what the inspection's delegate would write in the step's transaction (here: before the step)
      jdbc.sql("""
              INSERT INTO insp_inspection (inspection_date, standard_id, version_id, place_code, section_id, status,
                                           process_instance_id, inspector, pass_rate, note, created_at, completed_at)
              VALUES (:d, :s, :v, 'canteen-1', 'sec-canteen', 'FAILED', :pi, 'majun', 72.5, '留样柜温度超标',
                      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
          .param("d", today().minusDays(400)).param("s", id).param("v", versionId).param("pi", inspection.getId())
          .update();
      doComplete(engine.getTaskService().createTaskQuery().processInstanceId(inspection.getId()).singleResult(),
          "majun", Map.of("inspectionResult", "fail"));

      List<AuditTrail.View> entries = trail.search(new AuditQuery(id, null, null, null, null, null, null, 5000, 0));
      List<AuditTrail.View> probe = entries.stream().filter(e -> key.equals(e.processKey())).toList();
      assertThat(probe.stream().map(AuditTrail.View::action)).contains("PROCESS_STARTED", "TASK_COMPLETED",
          "PROCESS_ENDED");
      assertThat(probe.stream().filter(e -> e.action().equals("TASK_COMPLETED")).findFirst().orElseThrow())
          .satisfies(e -> {
            assertThat(e.step()).isEqualTo("现场检查");
            assertThat(e.actor()).isEqualTo("majun");
            assertThat(e.sectionName()).isEqualTo("监督检查人员");
          });
      assertThat(entries.stream().filter(e -> e.action().equals("SUPERVISION"))).singleElement().satisfies(e -> {
        assertThat(e.value()).isEqualTo("FAILED");
        assertThat(e.reason()).isEqualTo("留样柜温度超标");
        assertThat(e.processInstanceId()).isEqualTo(inspection.getId());
      });
      assertThat(entries.stream().map(AuditTrail.View::processInstanceId).distinct())
          .contains(lifecycleRun.getId(), inspection.getId());
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /**
   * A commit reads the records of the standards it touches only from the sweep's window on (a
   * standard in force for years has thousands); an older unchained record is not the commit's. A
   * node's first sweep after a long stop looks back from the newest chained record, not from its
   * own clock, so a record written just before the stop is chained.
   */
  @Test
  void aCommitReadsOnlyTheRecentRecordsOfItsStandardsAndTheFirstSweepAfterAStopCatchesUp() {
    ProcessInstance pi = approvedProposal(unique("物业维修服务规范"), "huanglei", "sec-property");
    long id = standardId(pi);
    Instant now = Instant.now();
    long recent = notice(id, now.minus(java.time.Duration.ofHours(1)));
    long old = notice(id, now.minus(AuditSweep.WINDOW).minus(java.time.Duration.ofDays(23)));
    upload(pi, org.stdflow.document.DocumentKind.STANDARD_TEXT, "huanglei");
    upload(pi, org.stdflow.document.DocumentKind.DRAFTING_NOTES, "huanglei");
    complete(pi, TASK_DRAFT_STANDARD, "huanglei", draft(List.of("sec-general")));
    assertThat(chained("std_notice:" + recent)).isEqualTo(1);
    assertThat(chained("std_notice:" + old)).isZero();

    // written just before the node stopped; the node starts again 30 days later
    long beforeStop = notice(id, Instant.now());
    AuditSweep restarted = new AuditSweep(chain, appRecords, directory,
        java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(30)), transactionManager);
    assertThat(restarted.sweepOnce()).isGreaterThanOrEqualTo(1);
    assertThat(chained("std_notice:" + beforeStop)).isEqualTo(1);
    assertThat(chained("std_notice:" + old)).isZero();
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theSweepLooksBackFromItsPreviousRunFromTheNewestChainedRecordOrFromTheBeginning() {
    Instant now = Instant.parse("2026-06-30T08:00:00Z");
    Instant previous = Instant.parse("2026-06-30T07:55:00Z");
    Instant newest = Instant.parse("2026-05-01T00:00:00Z");
    assertThat(AuditSweep.since(now, previous, null)).isEqualTo(previous.minus(AuditSweep.WINDOW));
    // the first sweep of a node: from the newest app record in the chain (a stop of two months)
    assertThat(AuditSweep.since(now, null, newest)).isEqualTo(newest.minus(AuditSweep.WINDOW));
    // another node's clock ahead of this one: never later than this node's own window
    assertThat(AuditSweep.since(now, null, now.plusSeconds(90))).isEqualTo(now.minus(AuditSweep.WINDOW));
    // no app record chained yet: a new installation's demo register, stamped with its historical dates
    assertThat(AuditSweep.since(now, null, null)).isEqualTo(Instant.EPOCH);
  }

  private long notice(long standardId, Instant at) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO std_notice (standard_id, kind, message, created_by, created_at)
            VALUES (:s, 'PUBLISHED', '测试通知', 'huanglei', :at)""")
        .param("s", standardId).param("at", java.sql.Timestamp.from(at)).update(keys, "id");
    return keys.getKey().longValue();
  }

  @org.springframework.beans.factory.annotation.Autowired AppRecords appRecords;
  @org.springframework.beans.factory.annotation.Autowired Directory directory;
  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.transaction.PlatformTransactionManager transactionManager;
  @org.springframework.beans.factory.annotation.Autowired AuditTrail trail;
  @org.springframework.beans.factory.annotation.Autowired AuditSweep sweep;
  @org.springframework.beans.factory.annotation.Autowired AuditChain chain;

  private long chained(String sourceKey) {
    return jdbc.sql("SELECT COUNT(*) FROM aud_entry WHERE source_key = :k").param("k", sourceKey).query(Long.class)
        .single();
  }

  static String action(JsonNode e) {
    return e.path("action").asText();
  }

  static List<JsonNode> decision(List<JsonNode> entries, String variable) {
    return entries.stream().filter(e -> action(e).equals("DECISION") && e.path("subject").asText().equals(variable))
        .toList();
  }

  static int indexOf(List<JsonNode> entries, String action, String activity) {
    return indexOf(entries, action, activity, null);
  }

  static int indexOf(List<JsonNode> entries, String action, String activity, String subject) {
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      if (action(e).equals(action) && (activity == null || activity.equals(e.path("activityId").asText()))
          && (subject == null || subject.equals(e.path("subject").asText()))) {
        return i;
      }
    }
    throw new AssertionError("no " + action + " " + activity + " " + subject);
  }

  static int lastIndexOf(List<JsonNode> entries, String action) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (action(entries.get(i)).equals(action)) {
        return i;
      }
    }
    throw new AssertionError("no " + action);
  }
}
