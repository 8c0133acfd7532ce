package org.stdflow.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.stdflow.organisation.GroupType;

/**
 * Mail notifications. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} mails stay PENDING in the outbox.
 *
 * @param from sender address
 * @param fromName sender display name
 */
@ConfigurationProperties("stdflow.notification")
record NotificationProperties(
    @DefaultValue("stdflow@jgswj.example.cn") String from,
    @DefaultValue("机关事务标准化工作平台") String fromName,
    @DefaultValue Dispatcher dispatcher,
    @DefaultValue Reminders reminders,
    @DefaultValue Digest digest,
    @DefaultValue Notices notices) {

  /**
   * @param enabled whether this node runs the notification jobs (dispatch, notices, deadlines, digest)
   * @param interval pause between two dispatch rounds
   * @param batchSize rows claimed per round
   * @param lease how long a claimed row belongs to this node (longer than a round takes)
   * @param maxAttempts attempts with the server answering before a row becomes FAILED
   * @param initialBackoff wait after the first failure; doubled after each further failure
   * @param maxBackoff longest wait between two attempts
   * @param nodeId this node's name in {@code locked_by}; default host name + process id
   */
  record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
      @DefaultValue("50") int batchSize, @DefaultValue("5m") Duration lease, @DefaultValue("10") int maxAttempts,
      @DefaultValue("1m") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff, String nodeId) {
  }

  /**
   * @param leadTime how long before the due date the reminder goes out
   * @param scanInterval how often open tasks are checked for due dates
   * @param escalationGroup who hears of overdue tasks
   */
  record Reminders(@DefaultValue("2d") Duration leadTime, @DefaultValue("15m") Duration scanInterval,
      @DefaultValue("leadership") String escalationGroup) {
  }

  /**
   * @param enabled whether the daily digest is sent
   * @param cron when (Spring cron, in the bureau's time zone)
   * @param groupTypes members of groups of these types get it
   */
  record Digest(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 8 * * MON-FRI") String cron,
      @DefaultValue("SECTION") List<GroupType> groupTypes) {
  }

  /** @param maxAge notices older than this when first seen are not mailed (imported history, demo data) */
  record Notices(@DefaultValue("7d") Duration maxAge) {
  }
}
