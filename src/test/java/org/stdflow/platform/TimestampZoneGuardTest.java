package org.stdflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StandaloneSchema;

/**
 * One database, one time zone: recorded at the first migration, a node of another zone stops its
 * start. On PostgreSQL, whose aborted transactions make the lost race of two first starts the hard
 * case. (That the app registers the guard with its Flyway is PlatformOperationsTest's.)
 */
class TimestampZoneGuardTest {

  private static EmbeddedPostgres pg;
  private static DataSource ds;
  private static JdbcClient db;

  @BeforeAll
  static void schema() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    ds = pg.getPostgresDatabase();
    StandaloneSchema.create(ds, "timestamp-zone-guard");
    db = JdbcClient.create(ds);
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @BeforeEach
  void noZoneRecorded() {
    db.sql("DELETE FROM app_setting").update();
  }

  @Test
  void theFirstStartRecordsItsZoneAndLaterStartsInItOrAnAliasGoOn() {
    StandaloneSchema.migrate(ds, guard("Asia/Shanghai"));
    assertThat(recorded()).isEqualTo("Asia/Shanghai");

    StandaloneSchema.migrate(ds, guard("Asia/Shanghai"));
    StandaloneSchema.migrate(ds, guard("Asia/Chongqing")); // another name of the same rules
    assertThat(recorded()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void aNodeInAnotherZoneStopsItsStartSayingBothZones() {
    StandaloneSchema.migrate(ds, guard("Asia/Shanghai"));

    assertThatThrownBy(() -> StandaloneSchema.migrate(ds, guard("UTC")))
        .rootCause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wall-clock times of Asia/Shanghai")
        .hasMessageContaining("STDFLOW_TIME_ZONE) is UTC")
        .hasMessageContaining("STDFLOW_TIME_ZONE=Asia/Shanghai");
    assertThat(recorded()).isEqualTo("Asia/Shanghai");
  }

  /** Two first starts at once: the one that loses the insert compares with what the other recorded. */
  @Test
  void theLoserOfTwoFirstStartsComparesWithTheWinnersZone() throws Exception {
    for (String loser : new String[] {"Asia/Shanghai", "UTC"}) {
      db.sql("DELETE FROM app_setting").update();
      try (Connection winner = ds.getConnection(); Connection other = ds.getConnection()) {
        winner.setAutoCommit(false);
        winner.createStatement().executeUpdate(
            "INSERT INTO app_setting (name, setting_value, recorded_at) VALUES ('timestamp_zone', 'Asia/Shanghai', now())");
        other.setAutoCommit(false); // as in Flyway's transaction
        CompletableFuture<Void> losing = CompletableFuture.runAsync(() -> {
          try {
            guard(loser).check(other);
            other.commit();
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        });
        awaitBlockedOnTheWinnersRow();
        winner.commit();
        if (loser.equals("UTC")) {
          assertThatThrownBy(() -> losing.get(10, TimeUnit.SECONDS))
              .hasMessageContaining("wall-clock times of Asia/Shanghai");
        } else {
          losing.get(10, TimeUnit.SECONDS);
        }
      }
      assertThat(recorded()).isEqualTo("Asia/Shanghai");
    }
  }

  private static void awaitBlockedOnTheWinnersRow() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < until) {
      Integer waiting = db.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND query LIKE 'INSERT INTO app_setting%'").query(Integer.class).single();
      if (waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the second start never waited for the first one's row");
  }

  private static String recorded() {
    return db.sql("SELECT setting_value FROM app_setting WHERE name = 'timestamp_zone'").query(String.class).single();
  }

  private static TimestampZoneGuard guard(String zone) {
    return new TimestampZoneGuard(Clock.system(java.time.ZoneId.of(zone)));
  }
}
