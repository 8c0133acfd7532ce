package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.stdflow.StandaloneSchema;

/**
 * The audit append's read of app records runs at every commit that touches a run, a standard or a
 * task. Each of its parts ORs conditions on different columns; PostgreSQL answers such an OR from
 * indexes only when every branch has one, and otherwise reads the whole table at every commit — a
 * cost that grows with the records and showed as falling throughput in the benchmark (tuning log
 * §19). With sequential scans priced out, the plan must read no source table (nor the task history
 * joined for names) whole: a missing index leaves a sequential scan as the only way.
 */
class AppRecordsIndexTest {

  private static EmbeddedPostgres pg;
  private static DataSource ds;

  @BeforeAll
  static void schema() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    ds = pg.getPostgresDatabase();
    StandaloneSchema.create(ds, "app-records-index");
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void everyConditionOfTheAppendsReadIsIndexed() throws Exception {
    String sql = AppRecords.candidatesSql(AppRecords.sourceTables(), true, true, true);
    assertThat(sql).contains(":pis", ":standards", ":tasks");
    String plan = plan(sql);
    assertThat(plan).as("the plan reads from every source table").contains("std_document", "std_comment",
        "std_version", "insp_inspection", "insp_rectification_round", "insp_commendation", "ntf_notification");
    assertThat(sequentialScans(plan)).as("tables read whole at every commit:\n" + plan).isEmpty();
  }

  /** The same for each kind of commit: only runs, only standards, only tasks touched. */
  @Test
  void eachKindOfConditionAloneIsIndexedToo() throws Exception {
    for (boolean[] kind : new boolean[][] {{true, false, false}, {false, true, false}, {false, false, true}}) {
      String sql = AppRecords.candidatesSql(AppRecords.sourceTables(), kind[0], kind[1], kind[2]);
      String plan = plan(sql);
      assertThat(sequentialScans(plan)).as("tables read whole:\n" + plan).isEmpty();
    }
  }

  private static String plan(String sql) throws Exception {
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("SET enable_seqscan = off");
      JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
      var spec = jdbc.sql("EXPLAIN (FORMAT JSON) " + sql);
      if (sql.contains(":pis")) {
        spec = spec.param("pis", List.of("run-1", "run-2"));
      }
      if (sql.contains(":standards")) {
        spec = spec.param("standards", List.of(1L, 2L)).param("since", Timestamp.from(Instant.now()));
      }
      if (sql.contains(":tasks")) {
        spec = spec.param("tasks", List.of("task-1"));
      }
      return spec.query(String.class).single();
    }
  }

  /**
   * The tables the plan reads whole: a sequential scan, or an index scan without an index condition
   * (walking a whole index in order, with the OR as a filter, is what PostgreSQL does instead when
   * sequential scans are priced out).
   */
  private static List<String> sequentialScans(String plan) throws Exception {
    List<String> tables = new ArrayList<>();
    walk(new ObjectMapper().readTree(plan).get(0).get("Plan"), tables);
    return tables;
  }

  private static void walk(JsonNode node, List<String> wholeReads) {
    String type = node.path("Node Type").asText();
    String table = node.path("Relation Name").asText();
    if (type.equals("Seq Scan") || (type.startsWith("Index") && !node.has("Index Cond"))) {
      wholeReads.add(table.toLowerCase(Locale.ROOT) + " (" + type + ")");
    }
    for (JsonNode child : node.path("Plans")) {
      walk(child, wholeReads);
    }
  }
}
