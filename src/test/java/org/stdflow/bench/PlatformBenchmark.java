package org.stdflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowApplication;

/**
 * The platform benchmark (profile "bench", not part of mvn verify): on one PostgreSQL server with
 * durability on, in one run, (1) the database's own commit rate, (2) the standard life cycle's happy
 * path on stdflow, on a bare Camunda engine with the same model and no-op delegates, and on Flowable
 * with the same process shape, at 1/2/4/8 users, (3) large-history queries and (4) start time and
 * memory of the app. Writes the results into docs/benchmarks.md (between the result markers) and
 * target/bench/platform.md, then fails if a target is missed.
 *
 * <p>System properties: bench.users (default 1,2,4,8), bench.warmup and bench.measure (ISO
 * durations, default PT10S and PT30S), bench.engines (default stdflow,bare,bare-auth,flowable);
 * bench.statements=true writes a statement profile of each measured window ({@link StatementProfile}).
 */
class PlatformBenchmark {

  static final List<Integer> USERS = Arrays.stream(System.getProperty("bench.users", "1,2,4,8").split(","))
      .map(String::trim).map(Integer::valueOf).toList();
  static final Duration WARM_UP = Duration.parse(System.getProperty("bench.warmup", "PT10S"));
  static final Duration MEASURED = Duration.parse(System.getProperty("bench.measure", "PT30S"));
  static final List<String> ENGINES = List.of(System.getProperty("bench.engines", "stdflow,bare,bare-auth,flowable").split(","));

  static final boolean LARGE_HISTORY = Boolean.parseBoolean(System.getProperty("bench.history", "true"));
  static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 100_000);
  static final long HISTORY_ROWS = Long.getLong("bench.historyRows", 1_200_000);
  /** JVM options of the measured app process (start, memory, large-history queries). */
  static final List<String> APP_JVM = List.of(System.getProperty("bench.app.jvm",
      "-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k").trim().split("\\s+"));
  /** Whether the app starts with an application class-data archive made by a training run (see AppProcess). */
  static final boolean APP_CDS = Boolean.parseBoolean(System.getProperty("bench.app.cds", "true"));
  static final String SECTION_HEAD = "liuyang";
  static final String AUDITOR = "linxiao";

  @Test
  void platform() throws Exception {
    BenchReport report = new BenchReport(USERS, WARM_UP, MEASURED);
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try (BenchPostgres pg = new BenchPostgres()) {
      report.postgres(pg.settings());
      StatementProfile statements = StatementProfile.ENABLED
          ? new StatementProfile(pg.admin(), Path.of("target", "bench", "statements")) : null;
      for (String db : List.of("commits", "stdflow", "bare", "bareauth", "flowable")) {
        pg.createDatabase(db);
      }
      for (int users : USERS) {
        report.commits(users, CommitRate.commitsPerSecond(pg.jdbcUrl("commits"), users, Duration.ofSeconds(3),
            Duration.ofSeconds(10)));
        System.out.printf("[bench] commits users=%d %.0f/s%n", users, report.commits(users));
      }
      List<LargeHistory.Template> templates = new ArrayList<>();
      if (ENGINES.contains("stdflow")) {
        try (ConfigurableApplicationContext app = stdflow(pg, mail, List.of())) {
          report.engine("stdflow", "the whole app in the benchmark's JVM (postgres profile, Hikari pool "
              + BenchPostgres.POOL_SIZE + ", history FULL, authorization on, job executor and mail dispatcher on,"
              + " mails to a real SMTP server); start form, claim and form submission as the user with the user's"
              + " groups; the three documents the validation demands uploaded through the document service"
              + " (outside the timed completions, inside the life cycles/s)");
          StdflowLifecycle lifecycle = new StdflowLifecycle(app);
          for (int users : USERS) {
            ThroughputResult r = LoadRunner.run("stdflow", users, WARM_UP, MEASURED, lifecycle.lifecycle(), true,
                window(statements, "stdflow"));
            System.out.println("[bench] " + r);
            report.throughput(r);
          }
          if (LARGE_HISTORY) {
            templates = templates(lifecycle);
          }
        }
        String variant = System.getProperty("bench.variantArgs", "").strip();
        if (!variant.isEmpty()) {
          variants(pg, mail, variant, statements);
        }
      }
      if (ENGINES.contains("bare")) {
        try (var ds = pg.pool("bare", BenchPostgres.POOL_SIZE); var bare = new BareCamundaLifecycle(ds)) {
          report.engine("bare", bare.settings());
          for (int users : USERS) {
            ThroughputResult r = LoadRunner.run("bare", users, WARM_UP, MEASURED, bare.lifecycle(), true,
                window(statements, "bare"));
            System.out.println("[bench] " + r);
            report.throughput(r);
          }
        }
      }
      if (ENGINES.contains("bare-auth")) {
        try (var ds = pg.pool("bareauth", BenchPostgres.POOL_SIZE); var bare = new BareCamundaLifecycle(ds, true)) {
          report.engine("bare-auth", bare.settings());
          for (int users : USERS) {
            ThroughputResult r = LoadRunner.run("bare-auth", users, WARM_UP, MEASURED, bare.lifecycle(), true,
                window(statements, "bareauth"));
            System.out.println("[bench] " + r);
            report.throughput(r);
          }
        }
      }
      if (ENGINES.contains("flowable")) {
        try (var ds = pg.pool("flowable", BenchPostgres.POOL_SIZE); var flowable = new FlowableLifecycle(ds)) {
          report.engine("flowable", "Flowable " + FlowableLifecycle.version() + ": " + flowable.settings());
          for (int users : USERS) {
            ThroughputResult r = LoadRunner.run("flowable", users, WARM_UP, MEASURED, flowable.lifecycle(), true,
                window(statements, "flowable"));
            System.out.println("[bench] " + r);
            report.throughput(r);
          }
        }
      }
      if (!templates.isEmpty()) {
        largeHistory(pg, templates, report, mail);
      }
    } finally {
      mail.stop();
    }
    report.write(Path.of("docs", "benchmarks.md"), Path.of("target", "bench", "platform.md"));
    report.assertTargets();
  }

  /**
   * One real run per group that has work waiting: each section's head proposes a standard of the
   * section and it waits at 起草标准 (the section's group task); one waits at 形式审查 (office) and one
   * at 立项批准 (leadership). 84 % of the open tasks are the sections', the rest office and leadership.
   */
  private static List<LargeHistory.Template> templates(StdflowLifecycle lifecycle) {
    Map<String, String> heads = new LinkedHashMap<>();
    heads.put("sec-general", "chenjing");
    heads.put("sec-canteen", "liuyang");
    heads.put("sec-property", "huanglei");
    heads.put("sec-vehicle", "wutao");
    heads.put("sec-energy", "zhengfang");
    heads.put("sec-reception", "fengwei");
    heads.put("sec-office-space", "hejun");
    int perSection = (int) (OPEN_TASKS * 0.84 / heads.size());
    int rest = (OPEN_TASKS - perSection * heads.size()) / 2;
    List<LargeHistory.Template> t = new ArrayList<>();
    heads.forEach((section, head) -> t.add(new LargeHistory.Template(
        lifecycle.runWaitingAt(head, section, "Task_DraftStandard"), section, perSection - 1)));
    t.add(new LargeHistory.Template(lifecycle.runWaitingAt("liuyang", "sec-canteen", "Task_FormalCheck"), "std-office",
        rest - 1));
    t.add(new LargeHistory.Template(lifecycle.runWaitingAt("liuyang", "sec-canteen", "Task_ApproveProject"),
        "leadership", OPEN_TASKS - perSection * heads.size() - rest - 1));
    return t;
  }

  /**
   * Loads the clones, then starts the app as users run it (own JVM): start time and memory, then
   * the queries as the users' pages send them, timed over HTTP: a section head's 本科室待办 list in
   * Tasklist (the filter's list with its label variables, HAL as Tasklist asks for it), one
   * standard's audit trail as the auditor, the dashboard as leadership. Then a concurrent load of
   * the same requests, and memory again.
   */
  private static void largeHistory(BenchPostgres pg, List<LargeHistory.Template> templates, BenchReport report,
      GreenMail mail) throws Exception {
    long standard;
    try (var pool = pg.pool("stdflow", 2)) {
      JdbcClient jdbc = JdbcClient.create(pool);
      long t0 = System.nanoTime();
      Map<String, Long> added = new LargeHistory(jdbc).load(templates, HISTORY_ROWS);
      long loadSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
      System.out.println("[bench] cloned " + added + " in " + loadSeconds + " s");
      long open = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK").query(Long.class).single();
      long history = 0;
      StringBuilder per = new StringBuilder();
      for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
          "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_OP_LOG")) {
        long n = jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        history += n;
        per.append(per.isEmpty() ? "" : ", ").append(table).append(' ').append(n);
      }
      long audit = jdbc.sql("SELECT COUNT(*) FROM aud_entry").query(Long.class).single();
      long sectionTasks = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE GROUP_ID_ = 'sec-canteen'"
          + " AND TYPE_ = 'candidate'").query(Long.class).single();
      standard = jdbc.sql("SELECT standard_id FROM aud_entry WHERE standard_id IS NOT NULL AND seq > 0"
          + " GROUP BY standard_id ORDER BY COUNT(*) DESC LIMIT 1").query(Long.class).single();
      report.dataNote(String.format("%,d open tasks (%,d of them candidate tasks of 食堂管理科, the section head's"
          + " group), %,d Camunda history rows (%s), %,d audit entries; cloned from %d real runs in %d s",
          open, sectionTasks, history, per, audit, templates.size(), loadSeconds));
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STDFLOW_ADMIN_PASSWORD", "bench-admin-secret");
    env.put("STDFLOW_DEMO_USERS", "true");
    env.put("STDFLOW_DEMO_DATA", "true");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
    java.nio.file.Files.deleteIfExists(Path.of("target", "bench", "app", "stdflow-classes.jar"));
    try (AppProcess app = AppProcess.start(pg.jdbcUrl("stdflow"), APP_JVM, env,
        Path.of("target", "bench", "app").toAbsolutePath(), APP_CDS)) {
      double rssStart = app.rssMiB();
      report.figure("start, launch to readiness UP (with the large history)",
          String.format(java.util.Locale.ROOT, "%.1f s", app.startMillis() / 1000.0), "< 12 s", app.startMillis() < 12_000);
      report.figure("resident memory after start", String.format(java.util.Locale.ROOT, "%.0f MiB", rssStart),
          "< 600 MiB", rssStart < 600);
      // a tuning session may stop here to try queries on the loaded database by hand
      long pause = Long.getLong("bench.pauseMinutes", 0);
      if (pause > 0) {
        System.out.println("[bench] paused for " + pause + " min: app on port " + app.port() + ", database "
            + pg.jdbcUrl("stdflow"));
        Thread.sleep(pause * 60_000);
      }
      HttpProbe head = new HttpProbe(app.port(), SECTION_HEAD, "demo");
      HttpProbe auditor = new HttpProbe(app.port(), AUDITOR, "demo");
      HttpProbe leader = new HttpProbe(app.port(), "wangjianguo", "demo");
      String filters = head.get("/engine-rest/filter?resourceType=Task&name=" + HttpProbe.encode("本科室待办"),
          "application/json");
      String filterId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(filters).get(0).get("id").asText();
      String list = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
      String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
      String audit = "/api/audit/entries?standardId=" + standard;
      report.latency("section head's 本科室待办 (Tasklist filter list, 15 tasks with labels)",
          HttpProbe.time(30, 300, i -> head.post(list, "application/hal+json", sorting)), 50,
          "POST " + "/engine-rest/filter/{id}/list as " + SECTION_HEAD);
      report.latency("the same filter's count", HttpProbe.time(10, 100, i -> head.get("/engine-rest/filter/" + filterId
          + "/count", "application/json")), 50, "GET /engine-rest/filter/{id}/count");
      report.latency("one standard's audit trail (the busiest standard)",
          HttpProbe.time(10, 100, i -> auditor.get(audit, "application/json")), 200, "GET /api/audit/entries as auditor");
      report.latency("statistics dashboard (this year, all sections)",
          HttpProbe.time(5, 50, i -> leader.get("/api/statistics", "application/json")), 500,
          "GET /api/statistics as leadership");
      // the load: 8 users at once for the measured window, mixing the three pages
      LoadRunner.run("queries", 8, Duration.ZERO, MEASURED, (user, timings) -> {
        switch (user % 3) {
          case 0 -> timings.completion(() -> head.post(list, "application/hal+json", sorting));
          case 1 -> timings.completion(() -> auditor.get(audit, "application/json"));
          default -> timings.completion(() -> leader.get("/api/statistics", "application/json"));
        }
      });
      double rssLoaded = app.rssMiB();
      report.figure("resident memory after the load", String.format(java.util.Locale.ROOT, "%.0f MiB", rssLoaded),
          "< 600 MiB", rssLoaded < 600);
      report.dataNote("app JVM options: `" + String.join(" ", APP_JVM) + "`" + (APP_CDS
          ? " and an application class-data archive from a training run (`-XX:SharedArchiveFile`)" : "")
          + "; the app's own log: " + app.startedLine());
      if (Boolean.parseBoolean(System.getProperty("bench.engineFloor", "true"))) {
        engineFloor(pg, env, report, list, sorting, filterId);
      }
      String compare = System.getProperty("bench.compareEnv", "").strip();
      if (!compare.isEmpty()) {
        compareNode(pg, env, compare, report, list, sorting, filterId, audit);
      }
    }
  }

  /**
   * The engine's own floor under the task-list target: a second node of the same app on the same
   * database with Camunda's authorization switched off, so the section head's filter runs as
   * Camunda's plain candidate-group query (none of stdflow's rewrites apply without authorization).
   * It only answers queries: job executor, mail dispatcher, digest and audit sweep off. Same user,
   * same filter, same requests; reference rows, not targets (the product cannot drop the check).
   */
  private static void engineFloor(BenchPostgres pg, Map<String, String> env, BenchReport report, String list,
      String sorting, String filterId) throws Exception {
    Map<String, String> quiet = new LinkedHashMap<>(env);
    quiet.put("STDFLOW_JOB_EXECUTOR", "false");
    quiet.put("STDFLOW_MAIL_DISPATCHER", "false");
    quiet.put("STDFLOW_DIGEST_ENABLED", "false");
    quiet.put("STDFLOW_AUDIT_SWEEP", "false");
    Path dir = Path.of("target", "bench", "app-no-authorization").toAbsolutePath();
    java.nio.file.Files.deleteIfExists(dir.resolve("stdflow-classes.jar"));
    try (AppProcess floor = AppProcess.start(pg.jdbcUrl("stdflow"), APP_JVM, quiet, dir, false,
        List.of("--camunda.bpm.authorization.enabled=false"))) {
      HttpProbe head = new HttpProbe(floor.port(), SECTION_HEAD, "demo");
      report.reference("the same list, Camunda alone: a second node with authorization off (the engine's floor)",
          HttpProbe.time(30, 100, i -> head.post(list, "application/hal+json", sorting)),
          "POST /engine-rest/filter/{id}/list as " + SECTION_HEAD + ", same data");
      report.reference("its count, authorization off", HttpProbe.time(10, 100, i -> head.get("/engine-rest/filter/"
          + filterId + "/count", "application/json")), "GET /engine-rest/filter/{id}/count, same data");
    }
  }

  private static LoadRunner.Window window(StatementProfile statements, String database) {
    return statements == null ? null : statements.window(database);
  }

  /**
   * A tuning session's A/B on the loaded database: a second node of the app with other environment
   * variables ({@code -Dbench.compareEnv="K=V,K2=V2"}) answers the same four requests right after the
   * app's own rows, as reference rows (no target) — closer in time than two runs on a shared machine.
   */
  private static void compareNode(BenchPostgres pg, Map<String, String> env, String compare, BenchReport report,
      String list, String sorting, String filterId, String audit) throws Exception {
    Map<String, String> other = new LinkedHashMap<>(env);
    for (String pair : compare.split(",")) {
      String[] kv = pair.split("=", 2);
      other.put(kv[0].strip(), kv[1].strip());
    }
    Path dir = Path.of("target", "bench", "app-compare").toAbsolutePath();
    java.nio.file.Files.deleteIfExists(dir.resolve("stdflow-classes.jar"));
    try (AppProcess node = AppProcess.start(pg.jdbcUrl("stdflow"), APP_JVM, other, dir, APP_CDS)) {
      HttpProbe head = new HttpProbe(node.port(), SECTION_HEAD, "demo");
      HttpProbe auditor = new HttpProbe(node.port(), AUDITOR, "demo");
      HttpProbe leader = new HttpProbe(node.port(), "wangjianguo", "demo");
      String with = " — node with " + compare;
      report.reference("section head's 本科室待办" + with, HttpProbe.time(30, 300,
          i -> head.post(list, "application/hal+json", sorting)), "POST /engine-rest/filter/{id}/list");
      report.reference("the filter's count" + with, HttpProbe.time(10, 100, i -> head.get("/engine-rest/filter/"
          + filterId + "/count", "application/json")), "GET /engine-rest/filter/{id}/count");
      report.reference("one standard's audit trail" + with, HttpProbe.time(10, 100,
          i -> auditor.get(audit, "application/json")), "GET /api/audit/entries");
      report.reference("statistics dashboard" + with, HttpProbe.time(5, 50,
          i -> leader.get("/api/statistics", "application/json")), "GET /api/statistics");
    }
  }

  /**
   * A tuning session's A/B of the app's throughput in one run ({@code -Dbench.variantArgs="--a=x"}):
   * after the app's own rows, rounds (-Dbench.variantRounds, default 2) of the app as it is ("A") and
   * with those settings ("B"), each started afresh in this JVM on the same database, same users and
   * windows; the JIT is warm from the first rows on, so the order favours neither. Printed and written
   * to target/bench/variants.md, not to the results.
   */
  private static void variants(BenchPostgres pg, GreenMail mail, String variant, StatementProfile statements)
      throws Exception {
    StringBuilder md = new StringBuilder("# A/B: B = " + variant + "\n\n");
    int rounds = Integer.getInteger("bench.variantRounds", 2);
    for (int round = 1; round <= rounds; round++) {
      for (String name : List.of("A", "B")) {
        List<String> extra = name.equals("A") ? List.of() : List.of(variant.split("\\s+(?=--)"));
        try (ConfigurableApplicationContext app = stdflow(pg, mail, extra)) {
          StdflowLifecycle lifecycle = new StdflowLifecycle(app);
          for (int users : USERS) {
            String engine = "stdflow-" + name + round;
            ThroughputResult r = LoadRunner.run(engine, users, WARM_UP, MEASURED, lifecycle.lifecycle(), true,
                window(statements, "stdflow"));
            System.out.println("[bench] " + r);
            md.append("- ").append(r).append('\n');
          }
        }
      }
    }
    java.nio.file.Files.createDirectories(Path.of("target", "bench"));
    java.nio.file.Files.writeString(Path.of("target", "bench", "variants.md"), md);
  }

  /** The whole app in this JVM on the benchmark's database, mails to a real SMTP server (GreenMail). */
  private static ConfigurableApplicationContext stdflow(BenchPostgres pg, GreenMail mail, List<String> variant) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", pg.jdbcUrl("stdflow"));
    p.put("spring.datasource.username", "postgres");
    p.put("spring.datasource.password", "");
    p.put("spring.datasource.hikari.maximum-pool-size", BenchPostgres.POOL_SIZE);
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", mail.getSmtp().getPort());
    p.put("stdflow.organisation.demo-users", true);
    p.put("stdflow.organisation.admin-password", "bench-admin-secret");
    p.put("stdflow.demo-data", true);
    p.put("server.port", 0);
    p.put("STDFLOW_DATA_DIR", Path.of("target", "bench", "stdflow-data").toAbsolutePath().toString());
    // as command-line arguments: they must win over the postgres profile's own settings
    List<String> args = new ArrayList<>(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
    // a tuning session's extra settings, e.g. -Dbench.stdflowArgs="--a=x --b=y z" (split before each "--")
    String extra = System.getProperty("bench.stdflowArgs", "").strip();
    if (!extra.isEmpty()) {
      args.addAll(List.of(extra.split("\\s+(?=--)")));
    }
    args.addAll(variant);
    return new SpringApplicationBuilder(StdflowApplication.class).profiles("postgres").run(args.toArray(String[]::new));
  }
}
