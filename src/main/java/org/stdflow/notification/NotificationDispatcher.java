package org.stdflow.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Outbox.Row;

/**
 * Sends due outbox rows: leases a batch (so two nodes never send the same row), sends each mail, and
 * marks it SENT after the SMTP server accepted it. A failure only reschedules the row with
 * exponential backoff; nothing here touches a process. A crash between the SMTP call and marking
 * SENT resends that one mail after the lease ends (at-least-once toward SMTP is the best any
 * outbox can do; the header X-Stdflow-Notification carries the idempotency key for receivers).
 */
@Component
class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  /** Why an attempt failed decides what happens to the row. */
  enum Failure {
    /** The server cannot be reached or refuses us: an outage; the row waits, however long it lasts. */
    UNREACHABLE,
    /** The server answered but did not take this mail (4xx, I/O mid-way): retried up to max attempts. */
    TRANSIENT,
    /** This mail can never go (address invalid or rejected, 5xx for it): FAILED at once. */
    PERMANENT
  }

  private final Outbox outbox;
  private final MailServer mailServer;
  private final NotificationProperties properties;
  private final Clock clock;
  private final String nodeId;

  @Autowired
  NotificationDispatcher(Outbox outbox, MailServer mailServer, NotificationProperties properties, Clock clock) {
    this(outbox, mailServer, properties, clock, defaultNodeId(properties.dispatcher().nodeId()));
  }

  NotificationDispatcher(Outbox outbox, MailServer mailServer, NotificationProperties properties, Clock clock,
      String nodeId) {
    this.outbox = outbox;
    this.mailServer = mailServer;
    this.properties = properties;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  String nodeId() {
    return nodeId;
  }

  /** One round now; returns how many mails were sent. */
  int dispatchOnce() {
    return dispatchAt(LocalDateTime.now(clock));
  }

  /** One round as if it were {@code now} (tests move time forward past the backoff). */
  int dispatchAt(LocalDateTime now) {
    if (!mailServer.isConfigured()) {
      return 0; // no SMTP: mails wait PENDING (Notifications logged each one when it was queued)
    }
    var dispatcher = properties.dispatcher();
    LocalDateTime at = now.truncatedTo(ChronoUnit.MILLIS); // the lease is matched by value: same precision everywhere
    List<Row> rows = outbox.claim(nodeId, at, at.plus(dispatcher.lease()), Math.max(1, dispatcher.batchSize()));
    int sent = 0;
    String outage = null;
    try (MailServer.Connection smtp = mailServer.connect()) {
      for (Row row : rows) {
        if (outage != null) {
          // the server is down: the rest of the round waits like the row that found out, without N timeouts
          failed(row, Failure.UNREACHABLE, outage, at);
          continue;
        }
        try {
          smtp.send(message(row));
        } catch (Exception e) {
          Failure failure = classify(e);
          String error = describe(e);
          failed(row, failure, error, at);
          smtp.close(); // the session may be in any state after a failure: the next mail opens a fresh one
          if (failure == Failure.UNREACHABLE) {
            outage = error;
            LOG.warn("SMTP server {} unreachable; {} mails wait for the next attempt: {}", mailServer.describe(),
                rows.size() - rows.indexOf(row), error);
          }
          continue;
        }
        if (outbox.markSent(row.id(), nodeId, LocalDateTime.now(clock))) {
          sent++;
        } else {
          LOG.warn("Notification {} sent after its lease had passed to another node; it may be sent twice", row.key());
        }
      }
    }
    return sent;
  }

  private void failed(Row row, Failure failure, String error, LocalDateTime now) {
    int attempts = row.attempts() + 1;
    boolean give = failure == Failure.PERMANENT
        || failure == Failure.TRANSIENT && attempts >= properties.dispatcher().maxAttempts();
    if (give) {
      LOG.warn("Notification {} to {} FAILED after {} attempt(s): {}", row.key(), row.email(), attempts, error);
      outbox.markAttemptFailed(row.id(), nodeId, NotificationStatus.FAILED, now, error);
    } else {
      outbox.markAttemptFailed(row.id(), nodeId, NotificationStatus.PENDING, now.plus(backoff(attempts)), error);
    }
  }

  /** initial × 2^(attempts−1), at most maxBackoff. */
  Duration backoff(int attempts) {
    var d = properties.dispatcher();
    Duration delay = d.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 30));
    return delay.compareTo(d.maxBackoff()) > 0 || delay.isNegative() ? d.maxBackoff() : delay;
  }

  private MimeMessage message(Row row) throws Exception {
    MimeMessage message = mailServer.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from(), properties.fromName());
    helper.setTo(new InternetAddress(row.email(), true)); // strict: a malformed address is PERMANENT
    helper.setSubject(row.subject());
    helper.setText(row.text(), row.html());
    message.setHeader("X-Stdflow-Notification", row.key());
    return message;
  }

  static Failure classify(Exception e) {
    if (e instanceof MailAuthenticationException) {
      return Failure.UNREACHABLE; // our credentials, not this mail: wait for an admin to fix the setup
    }
    if (e instanceof MailParseException || e instanceof MailPreparationException || e instanceof AddressException) {
      return Failure.PERMANENT;
    }
    Deque<Throwable> todo = new ArrayDeque<>();
    Set<Throwable> seen = new HashSet<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (t instanceof SMTPSendFailedException s) {
        return s.getReturnCode() >= 500 ? Failure.PERMANENT : Failure.TRANSIENT;
      }
      if (t instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
        return Failure.PERMANENT; // address rejected by the server
      }
      if (t instanceof AddressException) {
        return Failure.PERMANENT;
      }
      if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof AuthenticationFailedException
          || t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
        return Failure.UNREACHABLE;
      }
      todo.add(t.getCause());
      if (t instanceof MailSendException m) {
        m.getFailedMessages().values().forEach(todo::add);
      }
    }
    return Failure.TRANSIENT;
  }

  private static String describe(Exception e) {
    StringBuilder s = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      s.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
    }
    return s.toString();
  }

  private static String defaultNodeId(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
