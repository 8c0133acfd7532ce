package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;

/**
 * Drives the supervision cadences as their users would, and writes the records of the daily
 * inspection and rectification processes (V5) directly, so each test knows the figures it expects.
 * Periods are picked at random far in the past: the shared database holds other tests' rows.
 */
abstract class CadenceTestSupport {

  static final List<String> SECTIONS = List.of("sec-general", "sec-canteen", "sec-property", "sec-vehicle",
      "sec-energy", "sec-reception", "sec-office-space");
  private static final Random RANDOM = new Random();

  @Autowired protected ProcessEngine engine;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected java.time.Clock clock;
  @Autowired protected org.springframework.core.env.Environment environment;

  private long standardId;
  private long versionId;
  private int placeCursor;
  private List<String> places;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void logout() {
    engine.getIdentityService().clearAuthentication();
  }

  protected LocalDate today() {
    return LocalDate.now(clock);
  }

  /** A Monday in 2001–2019 (2001-01-01 was a Monday). */
  /**
   * A Monday in 1900–1949: the shared database's other period tests use other years (monthly
   * 1980–1999, quarterly 1950–1979, statistics 2011–2015), so their figures never see these rows.
   */
  protected static LocalDate randomPastMonday() {
    return unused(() -> LocalDate.of(1900, 1, 1).plusWeeks(RANDOM.nextInt(2600)));
  }

  protected static java.time.YearMonth randomPastMonth() {
    return unused(() -> java.time.YearMonth.of(1980 + RANDOM.nextInt(20), 1 + RANDOM.nextInt(12)));
  }

  protected static int randomPastYear() {
    return unused(() -> 1950 + RANDOM.nextInt(30));
  }

  /**
   * Periods handed out once per test JVM: the Spring context (and its database) is shared by the
   * test classes, and a week or month another test already reported or evaluated ends a run at once.
   */
  private static final Set<Object> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private static <T> T unused(Supplier<T> draw) {
    for (int i = 0; i < 1000; i++) {
      T value = draw.get();
      if (HANDED_OUT.add(value)) {
        return value;
      }
    }
    throw new IllegalStateException("no unused period left to draw");
  }

  // ------------------------------------------------------------------ V5 rows

  /** An inspection at the next place (a new test standard when the places run out: (date, standard, place) is unique). */
  protected long inspection(String section, LocalDate date, String status) {
    if (places == null) {
      places = jdbc.sql("SELECT code FROM insp_place ORDER BY code").query(String.class).list();
    }
    if (placeCursor % places.size() == 0) {
      newStandard();
    }
    String place = places.get(placeCursor++ % places.size());
    jdbc.sql("""
            INSERT INTO insp_inspection (inspection_date, standard_id, version_id, place_code, section_id, status,
              created_at, completed_at)
            VALUES (:d, :s, :v, :p, :sec, :st, :at, :at)""")
        .param("d", date).param("s", standardId).param("v", versionId).param("p", place).param("sec", section)
        .param("st", status).param("at", date.atTime(10, 0)).update();
    return jdbc.sql("SELECT id FROM insp_inspection WHERE standard_id = :s AND place_code = :p AND inspection_date = :d")
        .param("s", standardId).param("p", place).param("d", date).query(Long.class).single();
  }

  private void newStandard() {
    String code = "TEST-CADENCE-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDateTime now = LocalDateTime.now(clock);
    jdbc.sql("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code, created_at, updated_at)
            VALUES (:title, '205', 'INTERNAL', 'sec-canteen', 'IN_FORCE', :code, :now, :now)""")
        .param("title", "督查测试标准 " + code).param("code", code).param("now", now).update();
    standardId = jdbc.sql("SELECT id FROM std_standard WHERE code = :code").param("code", code).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO std_version (standard_id, version_no, code, status, effective_date, published_at)
            VALUES (:s, 1, :code, 'IN_FORCE', :d, :t)""")
        .param("s", standardId).param("code", code).param("d", LocalDate.of(1949, 10, 1)).param("t", now).update();
    versionId = jdbc.sql("SELECT id FROM std_version WHERE standard_id = :s").param("s", standardId)
        .query(Long.class).single();
  }

  /** A rectification (from its own failed inspection) with one round. */
  protected long rectification(String section, LocalDateTime openedAt, LocalDateTime closedAt, LocalDateTime deadline,
      LocalDateTime reinspectedAt) {
    long inspection = inspection(section, openedAt.toLocalDate(), "FAILED");
    jdbc.sql("""
            INSERT INTO insp_rectification (inspection_id, standard_id, section_id, status, current_round, opened_at,
              closed_at)
            VALUES (:i, :s, :sec, :st, 1, :o, :c)""")
        .param("i", inspection).param("s", standardId).param("sec", section)
        .param("st", closedAt == null ? "OPEN" : "CLOSED").param("o", openedAt).param("c", closedAt).update();
    long id = jdbc.sql("SELECT id FROM insp_rectification WHERE inspection_id = :i").param("i", inspection)
        .query(Long.class).single();
    jdbc.sql("""
            INSERT INTO insp_rectification_round (rectification_id, round_no, severity, deadline, started_at,
              reinspected_at, result)
            VALUES (:r, 1, 'MAJOR', :d, :o, :ri, :res)""")
        .param("r", id).param("d", deadline).param("o", openedAt).param("ri", reinspectedAt)
        .param("res", reinspectedAt == null ? null : "PASSED").update();
    return id;
  }

  protected void criticism(String section, LocalDateTime at) {
    jdbc.sql("""
            INSERT INTO insp_commendation (kind, source, section_id, reason, recorded_by, recorded_at)
            VALUES ('CRITICISM', 'RECTIFICATION', :s, '复查仍不合格', 'majun', :at)""")
        .param("s", section).param("at", at).update();
  }

  // ------------------------------------------------------------------ engine

  /** Fires the timer start event of the latest definition, as the job executor would; returns the new instance. */
  protected ProcessInstance fireTimerStart(String key) {
    Job job = timerStartJob(key);
    assertThat(job).as("timer start job of " + key).isNotNull();
    Set<String> before = instanceIds(key);
    engine.getManagementService().executeJob(job.getId());
    Set<String> after = instanceIds(key);
    after.removeAll(before);
    assertThat(after).as("instances started by the timer").hasSize(1);
    return instance(after.iterator().next());
  }

  protected Job timerStartJob(String key) {
    ProcessDefinition def = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    JobDefinition jd = engine.getManagementService().createJobDefinitionQuery().processDefinitionId(def.getId())
        .jobType("timer-start-event").singleResult();
    return engine.getManagementService().createJobQuery().jobDefinitionId(jd.getId()).timers().singleResult();
  }

  private Set<String> instanceIds(String key) {
    Set<String> ids = new HashSet<>();
    engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).list()
        .forEach(p -> ids.add(p.getId()));
    return ids;
  }

  /** A handle on an instance by id, running or ended (camunda-bpm-assert looks it up by id). */
  protected static ProcessInstance instance(String id) {
    org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity e =
        new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
    e.setId(id);
    e.setProcessInstanceId(id);
    return e;
  }

  protected ProcessInstance startAs(String user, String key, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groupsOf(user));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** As the user over HTTP (contexts with a web server only). */
  protected RestClient rest(String user) {
    return RestClient.as(environment.getRequiredProperty("local.server.port", Integer.class), user, "demo");
  }

  protected List<Task> tasks(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  protected Task taskFor(ProcessInstance pi, String key, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .taskCandidateGroup(group).singleResult();
  }

  /** As the user would in Tasklist: claim if needed, then complete with the form's values. */
  protected void complete(Task task, String user, Map<String, Object> variables) {
    org.stdflow.standard.LifecycleTestSupport.completeAsUser(engine, task, user, groupsOf(user), variables);
  }

  protected List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  protected List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  protected static String userOf(String section) {
    return switch (section) {
      case "sec-general" -> "chenjing";
      case "sec-canteen" -> "liuyang";
      case "sec-property" -> "huanglei";
      case "sec-vehicle" -> "wutao";
      case "sec-energy" -> "zhengfang";
      case "sec-reception" -> "fengwei";
      case "sec-office-space" -> "hejun";
      default -> throw new IllegalArgumentException(section);
    };
  }
}
