package org.stdflow.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one database in one time zone. Its TIMESTAMP columns hold wall-clock times without a zone,
 * those of the zone the app runs in ({@link BureauTimeZone}); read in another zone, every due date,
 * job lock, mail lease and audit instant would move by the difference. So the zone is recorded at
 * the first start (right after the schema migration, before the engine runs anything), and a node
 * configured with another zone — a changed {@code STDFLOW_TIME_ZONE}, or one node of a cluster set
 * apart — stops its start with a message saying both.
 */
@Component
class TimestampZoneGuard implements Callback {

  static final String SETTING = "timestamp_zone";
  private static final Logger log = LoggerFactory.getLogger(TimestampZoneGuard.class);

  private final ZoneId zone;
  private final Clock clock;

  /** The bureau's clock: its zone is the one the app runs in (ClockConfiguration, BureauTimeZone). */
  TimestampZoneGuard(Clock clock) {
    this.zone = clock.getZone();
    this.clock = clock;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public String getCallbackName() {
    return "stdflow timestamp zone";
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      check(context.getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException("could not read or record the database's timestamp zone", e);
    }
  }

  void check(Connection connection) throws SQLException {
    String recorded = recorded(connection);
    if (recorded == null) {
      // inside Flyway's transaction a failed insert would abort it: undo to a savepoint instead
      Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO app_setting (name, setting_value, recorded_at) VALUES (?, ?, ?)")) {
        insert.setString(1, SETTING);
        insert.setString(2, zone.getId());
        insert.setTimestamp(3, Timestamp.from(clock.instant()));
        insert.executeUpdate();
        log.info("Database timestamps recorded as wall-clock times of {}", zone.getId());
        return;
      } catch (SQLException e) {
        if (before != null) {
          connection.rollback(before);
        }
        // another node recorded it first: compare with what it recorded
        recorded = recorded(connection);
        if (recorded == null) {
          throw e;
        }
      }
    }
    if (!sameWallClock(recorded, zone)) {
      throw new IllegalStateException("This database's timestamps are wall-clock times of " + recorded
          + " (recorded at its first start), but " + BureauTimeZone.PROPERTY + " (env STDFLOW_TIME_ZONE) is "
          + zone.getId() + ". Start every node with STDFLOW_TIME_ZONE=" + recorded
          + "; moving a database to another zone means shifting its timestamps first (README, Time zone).");
    }
  }

  /** The same id, or another name of the same rules (Asia/Chongqing for Asia/Shanghai, Etc/UTC for UTC). */
  private static boolean sameWallClock(String recorded, ZoneId zone) {
    if (recorded.equals(zone.getId())) {
      return true;
    }
    try {
      return ZoneId.of(recorded).getRules().equals(zone.getRules());
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private static String recorded(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT setting_value FROM app_setting WHERE name = ?")) {
      select.setString(1, SETTING);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
