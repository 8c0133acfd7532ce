package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.standard.StandardLifecycleProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.DocumentService;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardLifecycleProcess.Vars;

/**
 * Drives standard-lifecycle as its users would (claim, complete with form values, as the user),
 * shared by the process test on H2 and the happy path on PostgreSQL.
 */
public abstract class LifecycleTestSupport {

  @Autowired protected ProcessEngine engine;
  @Autowired protected StandardRegister register;
  @Autowired protected DocumentService documents;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected java.time.Clock clock;

  /** Today in the bureau's time zone (the app's clock), not the JVM's. */
  protected LocalDate today() {
    return LocalDate.now(clock);
  }

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void logout() {
    engine.getIdentityService().clearAuthentication();
  }

  protected ProcessInstance approvedProposal(String title, String proposer, String section) {
    ProcessInstance pi = propose(proposer, proposalFor(title, section));
    complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    complete(pi, TASK_APPROVE_PROJECT, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "approve"));
    return pi;
  }

  protected ProcessInstance inComment(String title, String proposer, String section, List<String> consulted) {
    ProcessInstance pi = approvedProposal(title, proposer, section);
    upload(pi, DocumentKind.STANDARD_TEXT, proposer);
    upload(pi, DocumentKind.DRAFTING_NOTES, proposer);
    complete(pi, TASK_DRAFT_STANDARD, proposer, draft(consulted));
    return pi;
  }

  protected ProcessInstance resolvingComments(String title) {
    ProcessInstance pi = inComment(title, "liuyang", "sec-canteen", List.of("sec-property"));
    completeForGroup(pi, TASK_COMMENT_ON_DRAFT, "sec-property", "huanglei",
        Map.of(Vars.NO_COMMENT, false, Vars.COMMENT_TEXT, "建议增加夜间值守要求"));
    assertWaitingAt(pi, TASK_RESOLVE_COMMENTS);
    return pi;
  }

  protected ProcessInstance inReview(String title) {
    ProcessInstance pi = resolvingComments(title);
    acceptAllComments(pi);
    return pi;
  }

  protected void acceptAllComments(ProcessInstance pi) {
    SpinJsonNode rows = (SpinJsonNode) engine.getRuntimeService().getVariable(pi.getId(), Vars.COMMENT_ROWS);
    List<Map<String, Object>> decided = rows.elements().stream()
        .map(r -> Map.<String, Object>of("commentId", r.prop("commentId").stringValue(), "decision", "accept")).toList();
    String section = (String) engine.getRuntimeService().getVariable(pi.getId(), Vars.RESPONSIBLE_SECTION);
    complete(pi, TASK_RESOLVE_COMMENTS, userOf(section), Map.of(Vars.COMMENT_ROWS, Spin.JSON(decided)));
  }

  protected ProcessInstance approvedForPublication(String title) {
    ProcessInstance pi = inReview(title);
    upload(pi, DocumentKind.MEETING_MINUTES, "zhaomin");
    complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", meeting(7, 7, 0, 0, "pass"));
    assertWaitingAt(pi, TASK_APPROVE_PUBLICATION);
    return pi;
  }

  /** From drafting (new or revision) through comments, meeting and approval to publication, training done. */
  protected void publishFromDrafting(ProcessInstance pi) {
    publishFromDrafting(pi, false);
  }

  /** ... and either every section head acknowledges, or the acknowledgement deadline passes. */
  protected void publishFromDrafting(ProcessInstance pi, boolean everyoneAcknowledges) {
    String section = (String) engine.getRuntimeService().getVariable(pi.getId(), Vars.RESPONSIBLE_SECTION);
    String drafter = userOf(section);
    upload(pi, DocumentKind.STANDARD_TEXT, drafter);
    upload(pi, DocumentKind.DRAFTING_NOTES, drafter);
    complete(pi, TASK_DRAFT_STANDARD, drafter, draft(List.of("sec-general")));
    completeForGroup(pi, TASK_COMMENT_ON_DRAFT, "sec-general", "chenjing", Map.of(Vars.NO_COMMENT, true));
    acceptAllComments(pi);
    upload(pi, DocumentKind.MEETING_MINUTES, "zhaomin");
    complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", meeting(5, 5, 0, 0, "pass"));
    complete(pi, TASK_APPROVE_PUBLICATION, "wangjianguo",
        Map.of(Vars.PUBLICATION_DECISION, "approve", Vars.EFFECTIVE_DATE, today().toString()));
    complete(pi, TASK_RECORD_TRAINING, drafter,
        Map.of(Vars.TRAINING_DATE, today().toString(), Vars.TRAINING_ATTENDEES, "本科室全体"));
    if (everyoneAcknowledges) {
      for (Task ack : tasks(pi, TASK_ACKNOWLEDGE_STANDARD)) {
        doComplete(ack, ack.getAssignee(), Map.of(Vars.ACKNOWLEDGED, true));
      }
    } else {
      executeTimer(pi, BOUNDARY_ACKNOWLEDGEMENT_DEADLINE);
    }
    assertWaitingAt(pi, GATEWAY_IN_FORCE);
  }

  /** A standard published and in force (waiting for its review), by the canteen section. */
  protected ProcessInstance inForce(String title, String type, String externalCode) {
    return inForce(title, type, externalCode, false);
  }

  protected ProcessInstance inForce(String title, String type, String externalCode, boolean everyoneAcknowledges) {
    Map<String, Object> p = proposal(title);
    p.put(Vars.STANDARD_TYPE, type);
    if (externalCode != null) {
      p.put(Vars.KIND, "adoption");
      p.put(Vars.EXTERNAL_CODE, externalCode);
    }
    ProcessInstance pi = propose("liuyang", p);
    complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    complete(pi, TASK_APPROVE_PROJECT, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "approve"));
    publishFromDrafting(pi, everyoneAcknowledges);
    return pi;
  }

  protected static Map<String, Object> draft(List<String> consulted) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.GBT11_ELEMENTS, Spin.JSON(List.of("scope", "normativeReferences", "termsAndDefinitions", "requirements")));
    v.put(Vars.CONSULTED_SECTIONS, Spin.JSON(consulted));
    return v;
  }

  protected static Map<String, Object> meeting(int participants, int yes, int no, int abstain, String outcome) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.MEETING_DATE, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    v.put(Vars.PARTICIPANTS, "领导小组成员、业务组、技术组、食堂餐饮企业代表");
    v.put(Vars.PARTICIPANT_COUNT, (long) participants);
    v.put(Vars.VOTES_FOR, (long) yes);
    v.put(Vars.VOTES_AGAINST, (long) no);
    v.put(Vars.VOTES_ABSTAIN, (long) abstain);
    v.put(Vars.REVIEW_OUTCOME, outcome);
    return v;
  }

  protected void upload(ProcessInstance pi, DocumentKind kind, String user) {
    documents.storeGenerated(pi.getId(), standardId(pi), kind, kind.label() + ".pdf", "application/pdf",
        ("%PDF-1.4 " + kind + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), user);
  }

  protected ProcessInstance propose(String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  protected void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
    doComplete(task(pi, taskKey), user, variables);
  }

  protected void completeForGroup(ProcessInstance pi, String taskKey, String group, String user, Map<String, Object> vars) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .taskCandidateGroup(group).singleResult();
    doComplete(task, user, vars);
  }

  protected void completeAssigned(ProcessInstance pi, String taskKey, String user, Map<String, Object> vars) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .taskAssignee(user).singleResult();
    doComplete(task, user, vars);
  }

  /** As the user would in Tasklist: claim if needed, then complete with the form's values. */
  protected void doComplete(Task task, String user, Map<String, Object> variables) {
    completeAsUser(engine, task, user, groupsOf(user), variables);
  }

  /**
   * Claims (if unassigned) and completes the task as the user; a refused completion leaves the task
   * unclaimed again, as Tasklist would show it. Shared by every process test support class.
   */
  public static void completeAsUser(ProcessEngine engine, Task task, String user, List<String> groups,
      Map<String, Object> variables) {
    assertThat(task).as("open task for " + user).isNotNull();
    engine.getIdentityService().setAuthentication(user, groups);
    boolean claimed = false;
    try {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
        claimed = true;
      }
      engine.getTaskService().complete(task.getId(), variables);
    } catch (RuntimeException e) {
      engine.getIdentityService().clearAuthentication();
      if (claimed) {
        engine.getTaskService().setAssignee(task.getId(), null);
      }
      throw e;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  protected void executeTimer(ProcessInstance pi, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  protected Task task(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  protected List<Task> tasks(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  protected List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  protected long standardId(ProcessInstance pi) {
    Object id = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Vars.STANDARD_ID).singleResult().getValue();
    return (Long) id;
  }

  protected Object historicVariable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }

  protected List<String> reviews(long standardId) {
    return jdbc.sql("SELECT review_trigger, outcome FROM std_review WHERE standard_id = :id ORDER BY id")
        .param("id", standardId).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list();
  }

  protected int lastSequence(String node) {
    return jdbc.sql("SELECT last_sequence FROM std_node WHERE code = :c").param("c", node).query(Integer.class).single();
  }

  protected List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  protected String userOf(String section) {
    return engine.getIdentityService().createUserQuery().memberOfGroup(section).list().get(0).getId();
  }

  protected static String unique(String title) {
    return title + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  public static Map<String, Object> proposal(String title) {
    return proposalFor(title, "sec-canteen");
  }

  public static Map<String, Object> proposalFor(String title, String section) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.TITLE, title);
    v.put(Vars.NODE, "205");
    v.put(Vars.KIND, "new");
    v.put(Vars.STANDARD_TYPE, "INTERNAL");
    v.put(Vars.RESPONSIBLE_SECTION, section);
    v.put(Vars.RATIONALE, "试点验收后需将服务要求固化为内部标准");
    v.put(Vars.SCOPE, "适用于区机关事务管理局所属 4 个机关食堂");
    v.put(Vars.PLANNED_COMPLETION_DATE, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3).toString());
    return v;
  }

  protected void assertWaitingAt(ProcessInstance pi, String activityId) {
    assertThat(engine.getRuntimeService().getActiveActivityIds(pi.getId())).contains(activityId);
  }
}
