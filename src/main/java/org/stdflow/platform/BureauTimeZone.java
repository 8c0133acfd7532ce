package org.stdflow.platform;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the application's JVM in the bureau's time zone ({@code stdflow.time-zone}, env
 * {@code STDFLOW_TIME_ZONE}), whatever the server's {@code TZ}.
 *
 * <p>The database's timestamp columns (Camunda's and ours) hold wall-clock times without a zone:
 * JDBC writes an instant in the JVM's zone, and the app's clock, crons and date rules go by the
 * bureau's zone. With both the same, every timestamp in the database is the bureau's wall-clock time,
 * Camunda's cron timers and Spring's scheduled scans fire at the bureau's hours, and two nodes on
 * servers with different {@code TZ} read each other's due dates, job locks and mail leases right.
 * Runs before any bean (and so before the first connection); an unknown zone stops the start.
 */
public class BureauTimeZone implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "stdflow.time-zone";
  static final String DEFAULT_ZONE = "Asia/Shanghai";

  private final Log log;

  public BureauTimeZone(DeferredLogFactory logs) {
    this.log = logs.getLog(BureauTimeZone.class);
  }

  @Override
  public int getOrder() {
    // after application.yaml and the environment variables are read
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    ZoneId zone = zoneOf(environment.getProperty(PROPERTY, DEFAULT_ZONE));
    TimeZone before = TimeZone.getDefault();
    if (!before.toZoneId().equals(zone)) {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      log.info("JVM time zone set to " + zone + " (" + PROPERTY + "); the server's was " + before.getID());
    }
  }

  /** The configured zone, or a start-stopping error naming the setting and what it accepts. */
  static ZoneId zoneOf(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(PROPERTY + " (env STDFLOW_TIME_ZONE) is empty; set a region id such as "
          + DEFAULT_ZONE);
    }
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new IllegalStateException(PROPERTY + " (env STDFLOW_TIME_ZONE) is not a time zone: '" + value
          + "'; set a region id such as " + DEFAULT_ZONE + " (" + e.getMessage() + ")", e);
    }
  }
}
