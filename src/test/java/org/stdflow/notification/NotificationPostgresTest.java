package org.stdflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.notification.MailTemplates.RenderedMail;

/** The outbox on a real PostgreSQL: insert-if-absent inside a transaction, two nodes sending at once. */
@StdflowPostgresTest
class NotificationPostgresTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired Environment environment;
  @Autowired NotificationProperties properties;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aDuplicateKeyNeitherInsertsNorSpoilsTheTransaction() {
    jdbc.sql("DELETE FROM ntf_notification").update();
    LocalDateTime now = LocalDateTime.now(clock);
    Recipient to = new Recipient("liuyang", "刘洋", "liuyang@jgswj.example.cn");
    RenderedMail mail = new RenderedMail("主题", "正文", "<p>正文</p>");
    Boolean[] results = new TransactionTemplate(transactionManager).execute(status -> new Boolean[] {
        outbox.enqueue("pg-dup:1", "test", to, mail, null, now),
        outbox.enqueue("pg-dup:1", "test", to, mail, null, now),
        outbox.enqueue("pg-dup:2", "test", to, mail, null, now)});
    assertThat(results).containsExactly(true, false, true);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_notification WHERE idempotency_key LIKE 'pg-dup:%'")
        .query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void twoNodesDispatchingAtOnceSendEachMailExactlyOnce() throws Exception {
    jdbc.sql("DELETE FROM ntf_notification").update();
    LocalDateTime now = LocalDateTime.now(clock);
    int count = 150;
    for (int i = 0; i < count; i++) {
      outbox.enqueue("pg-race:" + i, "test", new Recipient("user" + i, "用户" + i, "user" + i + "@jgswj.example.cn"),
          new RenderedMail("【测试】第 " + i + " 封", "正文 " + i, "<p>正文 " + i + "</p>"), null, now);
    }
    MailServer server = new MailServer(environment);
    server.useServer("localhost", greenMail.getSmtp().getPort());
    var d = properties.dispatcher();
    NotificationProperties small = new NotificationProperties(properties.from(), properties.fromName(),
        new NotificationProperties.Dispatcher(true, d.interval(), 7, Duration.ofMinutes(5), d.maxAttempts(),
            d.initialBackoff(), d.maxBackoff(), null),
        properties.reminders(), properties.digest(), properties.notices());
    List<NotificationDispatcher> nodes = List.of(
        new NotificationDispatcher(outbox, server, small, clock, "node-a"),
        new NotificationDispatcher(outbox, server, small, clock, "node-b"));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> sent = nodes.stream().map(node -> pool.submit(() -> {
        start.await();
        int total = 0;
        for (int round = 0; round < 200 && pending() > 0; round++) {
          total += node.dispatchOnce();
        }
        return total;
      })).toList();
      start.countDown();
      int a = sent.get(0).get(60, TimeUnit.SECONDS);
      int b = sent.get(1).get(60, TimeUnit.SECONDS);
      assertThat(a + b).as("node-a sent %d, node-b sent %d", a, b).isEqualTo(count);
    } finally {
      pool.shutdownNow();
    }

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(count);
    Set<String> keys = new HashSet<>();
    for (MimeMessage m : received) {
      assertThat(keys.add(NotificationTestSupport.key(m))).as("once: " + NotificationTestSupport.key(m)).isTrue();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_notification WHERE status = 'SENT' AND locked_by IS NULL")
        .query(Long.class).single()).isEqualTo(count);
  }

  private long pending() {
    return jdbc.sql("SELECT COUNT(*) FROM ntf_notification WHERE status = 'PENDING'").query(Long.class).single();
  }
}
