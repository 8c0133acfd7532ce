package org.stdflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * Check of the peer engine drivers: bare Camunda (without and with authorization) and Flowable, alive
 * together in one JVM, each on its own database of one durable embedded PostgreSQL, run the life
 * cycle at 1 and 4 users (with authorization: every call as its user is allowed). Correctness
 * check, not the benchmark (that is {@code PlatformBenchmark}); the numbers it prints are noisy.
 */
class PeerEnginesBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURED = Duration.ofSeconds(10);
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  @Test
  void bareCamundaWithAndWithoutAuthorizationAndFlowableRunTheHappyPath() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", "on").start()) {
      try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE bare");
        s.execute("CREATE DATABASE bareauth");
        s.execute("CREATE DATABASE flowable");
      }
      try (HikariDataSource bareDs = pool(pg, "bare"); HikariDataSource authDs = pool(pg, "bareauth");
          HikariDataSource flowableDs = pool(pg, "flowable");
          BareCamundaLifecycle bare = new BareCamundaLifecycle(bareDs);
          BareCamundaLifecycle bareAuth = new BareCamundaLifecycle(authDs, true);
          FlowableLifecycle flowable = new FlowableLifecycle(flowableDs)) {
        System.out.println("bare Camunda: " + bare.settings());
        System.out.println("bare Camunda with authorization: " + bareAuth.settings());
        System.out.println("Flowable: " + flowable.settings());
        for (int users : new int[] {1, 4}) {
          ThroughputResult camunda = LoadRunner.run("bare-camunda", users, WARM_UP, MEASURED, bare.lifecycle());
          System.out.println(camunda);
          assertThat(camunda.completions()).isPositive();
          ThroughputResult secured = LoadRunner.run("bare-camunda-auth", users, WARM_UP, MEASURED, bareAuth.lifecycle());
          System.out.println(secured);
          assertThat(secured.completions()).isPositive();
          ThroughputResult peer = LoadRunner.run("flowable", users, WARM_UP, MEASURED, flowable.lifecycle());
          System.out.println(peer);
          assertThat(peer.completions()).isPositive();
        }
        assertRelativeDueDates(bare, flowable);
      }
    }
  }

  /** The 5-day due date of the formal check comes out the same on both (Camunda expression, Flowable duration). */
  private static void assertRelativeDueDates(BareCamundaLifecycle bare, FlowableLifecycle flowable) {
    var camundaTask = bare.engine().getHistoryService().createHistoricTaskInstanceQuery()
        .taskDefinitionKey("Task_FormalCheck").listPage(0, 1).get(0);
    assertThat(camundaTask.getDueDate()).isNotNull();
    assertThat(gap(camundaTask.getStartTime(), camundaTask.getDueDate())).isCloseTo(Duration.ofDays(5), ONE_MINUTE);
    var flowableTask = flowable.engine().getHistoryService().createHistoricTaskInstanceQuery()
        .taskDefinitionKey("Task_FormalCheck").listPage(0, 1).get(0);
    assertThat(flowableTask.getDueDate()).isNotNull();
    assertThat(gap(flowableTask.getCreateTime(), flowableTask.getDueDate())).isCloseTo(Duration.ofDays(5), ONE_MINUTE);
  }

  private static Duration gap(Date from, Date to) {
    return Duration.ofMillis(to.getTime() - from.getTime());
  }

  private static HikariDataSource pool(EmbeddedPostgres pg, String database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pg.getJdbcUrl("postgres", database));
    config.setMaximumPoolSize(10);
    config.setPoolName(database);
    return new HikariDataSource(config);
  }
}
