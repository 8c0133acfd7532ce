package org.stdflow.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way into the outbox, and the extension point for later capabilities (rectification
 * notices, circulated criticism): add {@code mail/<template>.txt|.html} and call {@link #toUsers} or
 * {@link #toGroups} from the step that causes the mail. Call it inside the engine transaction (a
 * delegate or listener): the mails then exist exactly when that step commits, and are sent later by
 * the dispatcher, so SMTP never blocks or rolls back a step. The key prefix must name the event
 * once and for all (e.g. {@code rectification-ordered:<recordId>}): the recipient's id is appended,
 * and a key that exists is not inserted again.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final Outbox outbox;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final MailServer mailServer;
  private final Clock clock;
  private final String baseUrl;

  Notifications(Outbox outbox, Recipients recipients, MailTemplates templates, MailServer mailServer, Clock clock,
      @Value("${stdflow.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.templates = templates;
    this.mailServer = mailServer;
    this.clock = clock;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /**
   * Queues one mail per user from template {@code template}; returns how many rows were new. The
   * model gets {@code recipientName} and {@code baseUrl} added. Users without an address get a
   * SKIPPED_NO_ADDRESS row.
   */
  public int toUsers(String keyPrefix, String template, Map<String, ?> model, Collection<String> userIds) {
    return enqueue(keyPrefix, template, model, recipients.users(userIds), null);
  }

  /** As {@link #toUsers}, to every member of the groups (each user once). */
  public int toGroups(String keyPrefix, String template, Map<String, ?> model, Collection<String> groupIds) {
    return enqueue(keyPrefix, template, model, recipients.membersOf(groupIds), null);
  }

  /** The Tasklist link of a task. */
  public String taskUrl(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  Recipients recipients() {
    return recipients;
  }

  String baseUrl() {
    return baseUrl;
  }

  int enqueue(String keyPrefix, String template, Map<String, ?> model, List<Recipient> to, String taskId) {
    LocalDateTime now = LocalDateTime.now(clock);
    int created = 0;
    for (Recipient r : to) {
      Map<String, Object> m = new LinkedHashMap<>(model);
      m.put("recipientName", r.name());
      m.put("baseUrl", baseUrl);
      MailTemplates.RenderedMail mail = templates.render(template, m);
      String key = keyPrefix + ":" + r.userId();
      if (outbox.enqueue(key, template, r, mail, taskId, now)) {
        created++;
        if (r.email() == null) {
          LOG.info("No mail for {} ({}): the user has no e-mail address; recorded as SKIPPED_NO_ADDRESS", r.userId(), key);
        } else if (!mailServer.isConfigured()) {
          LOG.info("Mail queued, not sent (no spring.mail.host configured): to {} <{}>: {}", r.userId(), r.email(),
              mail.subject());
        }
      }
    }
    return created;
  }
}
