package org.stdflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.notification.NotificationTestSupport.html;
import static org.stdflow.notification.NotificationTestSupport.plainText;
import static org.stdflow.notification.NotificationTestSupport.received;
import static org.stdflow.notification.NotificationTestSupport.subject;
import static org.stdflow.notification.NotificationTestSupport.to;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/**
 * Every kind of mail end to end on the shared H2 context: the outbox rows written with the process
 * step, the dispatcher driven by hand against GreenMail (its target set at run time, no extra
 * context), SMTP outages, permanent failures and the admin API.
 */
@StdflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired MailServer mailServer;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired NoticeMails noticeMails;
  @Autowired TaskDeadlineMails deadlineMails;
  @Autowired Outbox outbox;

  private String deploymentId;
  private final List<String> createdUsers = new ArrayList<>();

  @BeforeAll
  void deployTestProcesses() {
    deploymentId = repositoryService.createDeployment().name("notification-test")
        .addModelInstance("notification-test.bpmn", NotificationTestSupport.twoStepProcess())
        .addModelInstance("notification-test-group.bpmn", NotificationTestSupport.groupProcess())
        .deploy().getId();
  }

  @AfterAll
  void removeTestProcesses() {
    repositoryService.deleteDeployment(deploymentId, true);
    mailServer.reset();
  }

  @BeforeEach
  void emptyOutboxAndPointAtGreenMail() throws Exception {
    // other test classes of the shared context leave rows; each test here starts from an empty outbox
    jdbc.sql("DELETE FROM ntf_notification").update();
    greenMail.purgeEmailFromAllMailboxes();
    mailServer.useServer("localhost", greenMail.getSmtp().getPort());
  }

  @AfterEach
  void cleanUp() {
    runtimeService.createProcessInstanceQuery()
        .processDefinitionKeyIn(NotificationTestSupport.PROCESS, NotificationTestSupport.GROUP_PROCESS).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test done"));
    createdUsers.forEach(identityService::deleteUser);
    createdUsers.clear();
    mailServer.reset();
  }

  @Test
  void newTaskMailsTheAssigneeInChineseWithTheTaskLink() {
    String taskId = startTwoStep("liuyang", null);

    assertThat(outbox.findByKey("task-created:" + taskId + ":liuyang").status()).isEqualTo(NotificationStatus.PENDING);
    dispatchAllDue();

    List<MimeMessage> mails = received(greenMail, taskId);
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(to(mail)).isEqualTo("liuyang@jgswj.example.cn");
    assertThat(subject(mail)).isEqualTo("【新待办】第一步（通知测试流程）");
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId;
    assertThat(plainText(mail)).startsWith("刘洋：").contains("您有一项新的待办任务").contains(link);
    assertThat(html(mail)).contains("<a href=\"" + link + "\">").contains("第一步");
    assertThat(outbox.findByKey("task-created:" + taskId + ":liuyang").status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void groupTaskMailsEachMemberOfTheCandidateGroupOnce() {
    String taskId = startGroupTask("std-office");

    dispatchAllDue();

    List<MimeMessage> mails = received(greenMail, taskId);
    assertThat(mails).extracting(NotificationTestSupport::to)
        .containsExactlyInAnyOrder("zhaomin@jgswj.example.cn", "qianjing@jgswj.example.cn");
    assertThat(mails).allSatisfy(m -> assertThat(plainText(m)).contains("您所在的标准化办公室有一项新的待办任务"));
    assertThat(dispatcher.dispatchAt(LocalDateTime.now(clock).plusDays(1))).isZero();
    assertThat(received(greenMail, taskId)).hasSize(2);
  }

  @Test
  void userWithoutAnAddressGetsNothingAndThatIsRecorded() {
    User user = identityService.newUser("noaddress-test");
    user.setFirstName("无");
    user.setLastName("邮箱");
    identityService.saveUser(user);
    createdUsers.add(user.getId());

    String taskId = startTwoStep("noaddress-test", null);
    dispatchAllDue();

    Outbox.Row row = outbox.findByKey("task-created:" + taskId + ":noaddress-test");
    assertThat(row.status()).isEqualTo(NotificationStatus.SKIPPED_NO_ADDRESS);
    assertThat(row.email()).isNull();
    assertThat(received(greenMail, taskId)).isEmpty();
  }

  @Test
  void reminderBeforeTheDueDateAndEscalationToLeadershipWhenOverdue() {
    LocalDateTime now = LocalDateTime.now(clock);
    String dueSoon = startTwoStep("liuyang", now.plusDays(1));
    String overdue = startTwoStep("liuyang", now.minusHours(3));
    String later = startTwoStep("liuyang", now.plusDays(5));

    assertThat(deadlineMails.scan(now)).isPositive();
    assertThat(deadlineMails.scan(now)).as("a second scan adds nothing").isZero();
    dispatchAllDue();

    List<MimeMessage> reminders = received(greenMail, "reminder:" + dueSoon);
    assertThat(reminders).singleElement().satisfies(m -> {
      assertThat(to(m)).isEqualTo("liuyang@jgswj.example.cn");
      assertThat(subject(m)).startsWith("【即将到期】第一步 将于");
      assertThat(plainText(m)).contains("即将到期").contains("?task=" + dueSoon);
    });
    assertThat(received(greenMail, "overdue:" + overdue)).extracting(NotificationTestSupport::to)
        .containsExactlyInAnyOrder("wangjianguo@jgswj.example.cn", "lihong@jgswj.example.cn");
    assertThat(received(greenMail, "overdue:" + overdue).get(0)).satisfies(m -> {
      assertThat(subject(m)).startsWith("【逾期督办】第一步");
      assertThat(plainText(m)).contains("办理人：liuyang").contains("?task=" + overdue);
    });
    assertThat(received(greenMail, later)).as("due in 5 days: outside the 2-day lead time")
        .noneMatch(m -> NotificationTestSupport.key(m).startsWith("reminder:"));
    assertThat(received(greenMail, "reminder:" + overdue)).isEmpty();
  }

  @Test
  void eachNoticeIsMailedOnceToEverySectionHeadAndOldNoticesNotAtAll() {
    long standardId = insertStandard("食堂食品留样管理规范（通知测试）", "Q/BSJG BZ205.99-2025");
    long fresh = insertNotice(standardId, "PUBLISHED", "标准已批准发布，自发布之日起实施。", LocalDateTime.now(clock));
    long old = insertNotice(standardId, "REVISED", "旧通知", LocalDateTime.now(clock).minusDays(30));

    noticeMails.fanOut(LocalDateTime.now(clock));
    assertThat(noticeMails.fanOut(LocalDateTime.now(clock))).as("a second run adds nothing").isZero();
    dispatchAllDue();

    List<MimeMessage> mails = received(greenMail, "notice:" + fresh + ":");
    assertThat(mails).extracting(NotificationTestSupport::to).containsExactlyInAnyOrder(
        "chenjing@jgswj.example.cn", "liuyang@jgswj.example.cn", "huanglei@jgswj.example.cn", "wutao@jgswj.example.cn",
        "zhengfang@jgswj.example.cn", "fengwei@jgswj.example.cn", "hejun@jgswj.example.cn");
    assertThat(subject(mails.get(0))).isEqualTo("【标准发布通知】Q/BSJG BZ205.99-2025 食堂食品留样管理规范（通知测试）");
    assertThat(plainText(mails.get(0))).contains("标准已批准发布，自发布之日起实施。").contains("标准发布")
        .contains("/pages/register.html?id=" + standardId);
    assertThat(NotificationTestSupport.html(mails.get(0))).contains("/pages/register.html?id=" + standardId + "\">在标准库中查看该标准");
    assertThat(received(greenMail, "notice:" + old + ":")).isEmpty();
    assertThat(jdbc.sql("SELECT outcome FROM ntf_notice_mailing WHERE notice_id = :id").param("id", old)
        .query(String.class).single()).isEqualTo("TOO_OLD");
  }

  @Test
  void dailyDigestListsOpenAndOverdueTasksForSectionHeadsOnly() {
    LocalDateTime now = LocalDateTime.now(clock);
    startTwoStep("liuyang", now.minusDays(1));
    startTwoStep("liuyang", now.plusDays(3));
    String officeTask = startTwoStep("zhaomin", null);

    deadlineMails.digest(now);
    assertThat(deadlineMails.digest(now)).as("once a day").isZero();
    dispatchAllDue();

    List<MimeMessage> digests = received(greenMail, "digest:" + now.toLocalDate());
    MimeMessage liuyang = digests.stream().filter(m -> to(m).startsWith("liuyang@")).findFirst().orElseThrow();
    assertThat(subject(liuyang)).startsWith("【每日待办】" + now.toLocalDate() + "：待办 ");
    assertThat(plainText(liuyang)).contains("第一步（通知测试流程）").contains("（已逾期）");
    assertThat(html(liuyang)).contains("<td><a href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=");
    assertThat(digests).as("std-office is no section: no digest for zhaomin by default")
        .noneMatch(m -> to(m).startsWith("zhaomin@"));
    assertThat(officeTask).isNotNull();
  }

  @Test
  void smtpOutageDuring200CompletionsBlocksNothingLosesNothingAndSendsEachMailOnce() throws Exception {
    mailServer.useServer("localhost", closedPort());
    List<String> processes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      processes.add(runtimeService.startProcessInstanceByKey(NotificationTestSupport.PROCESS,
          Variables.createVariables().putValue("firstAssignee", "liuyang").putValue("due", null)).getId());
    }
    List<Task> first = taskService.createTaskQuery().processDefinitionKey(NotificationTestSupport.PROCESS)
        .taskDefinitionKey("Task_First").list();
    assertThat(first).hasSize(200);
    int completed = 0;
    for (Task task : first) {
      taskService.complete(task.getId()); // must not fail while SMTP is down
      completed++;
      if (completed % 50 == 0) {
        assertThat(dispatcher.dispatchOnce()).isZero();
      }
    }
    assertThat(completed).isEqualTo(200);
    assertThat(taskService.createTaskQuery().processDefinitionKey(NotificationTestSupport.PROCESS)
        .taskDefinitionKey("Task_Second").count()).isEqualTo(200);

    List<Outbox.Row> rows = outbox.list(null, 1000);
    assertThat(rows).hasSize(400).allSatisfy(r -> assertThat(r.status()).isEqualTo(NotificationStatus.PENDING));
    assertThat(rows).filteredOn(r -> r.attempts() > 0).isNotEmpty()
        .allSatisfy(r -> assertThat(r.lastError()).isNotBlank());

    mailServer.useServer("localhost", greenMail.getSmtp().getPort());
    dispatchAllDue();

    MimeMessage[] all = greenMail.getReceivedMessages();
    assertThat(all).hasSize(400);
    Set<String> keys = new HashSet<>();
    for (MimeMessage m : all) {
      assertThat(keys.add(NotificationTestSupport.key(m))).as("sent once: " + NotificationTestSupport.key(m)).isTrue();
    }
    assertThat(outbox.list(NotificationStatus.SENT, 1000)).hasSize(400);
    assertThat(dispatchAllDue()).isZero();
    assertThat(processes).hasSize(200);
  }

  @Test
  void permanentFailureShowsInAdminApiAndMetricsAndCanBeRetried() {
    User user = identityService.newUser("badaddress-test");
    user.setFirstName("错");
    user.setLastName("地址");
    user.setEmail("not an address@@example");
    identityService.saveUser(user);
    createdUsers.add(user.getId());
    String taskId = startTwoStep("badaddress-test", null);

    dispatchAllDue();
    Outbox.Row row = outbox.findByKey("task-created:" + taskId + ":badaddress-test");
    assertThat(row.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(row.attempts()).isEqualTo(1);

    RestClient admin = RestClient.as(port, "admin", "admin-secret");
    RestClient sectionHead = RestClient.as(port, "liuyang", "demo");
    RestClient.Response failed = admin.get("/api/admin/notifications?status=FAILED");
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.json().findValuesAsText("key")).contains(row.key());
    assertThat(failed.json().get(0).get("lastError").asText()).isNotBlank();
    assertThat(sectionHead.get("/api/admin/notifications?status=FAILED").status()).isEqualTo(403);
    assertThat(sectionHead.post("/api/admin/notifications/" + row.id() + "/retry", Map.of()).status()).isEqualTo(403);
    assertThat(admin.get("/api/admin/notifications?status=NONSENSE").status()).isEqualTo(400);
    assertThat(admin.get("/actuator/prometheus").body()).contains("stdflow_notifications{status=\"FAILED\"} 1.0");

    user.setEmail("badaddress-test@jgswj.example.cn"); // the admin fixes the address, then retries
    identityService.saveUser(user);
    RestClient.Response retried = admin.post("/api/admin/notifications/" + row.id() + "/retry", Map.of());
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().get("status").asText()).isEqualTo("PENDING");
    assertThat(admin.post("/api/admin/notifications/" + row.id() + "/retry", Map.of()).status()).isEqualTo(409);
    dispatchAllDue();

    assertThat(received(greenMail, taskId)).extracting(NotificationTestSupport::to)
        .containsExactly("badaddress-test@jgswj.example.cn");
    assertThat(outbox.find(row.id()).status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void withoutSmtpHostMailsWaitPendingAndHealthStaysUp() {
    mailServer.reset(); // the test profile, like the embedded default, sets no spring.mail.host
    String taskId = startTwoStep("liuyang", null);

    assertThat(dispatcher.dispatchOnce()).isZero();
    Outbox.Row row = outbox.findByKey("task-created:" + taskId + ":liuyang");
    assertThat(row.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(row.attempts()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    RestClient.Response health = RestClient.anonymous(port).get("/actuator/health");
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(health.json().at("/components/mail").isMissingNode()).isTrue();
  }

  private String startTwoStep(String assignee, LocalDateTime due) {
    Date dueDate = due == null ? null : Date.from(due.atZone(clock.getZone()).toInstant());
    String pi = runtimeService.startProcessInstanceByKey(NotificationTestSupport.PROCESS,
        Variables.createVariables().putValue("firstAssignee", assignee).putValue("due", dueDate)).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private String startGroupTask(String group) {
    String pi = runtimeService.startProcessInstanceByKey(NotificationTestSupport.GROUP_PROCESS,
        Map.of("group", group)).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  /** Dispatch rounds a day ahead (past any backoff) until nothing is left; returns mails sent. */
  private int dispatchAllDue() {
    int total = 0;
    for (int round = 0; round < 100; round++) {
      int sent = dispatcher.dispatchAt(LocalDateTime.now(clock).plusDays(1));
      total += sent;
      if (sent == 0) {
        return total;
      }
    }
    throw new AssertionError("dispatcher did not drain the outbox");
  }

  private long insertStandard(String title, String code) {
    LocalDateTime now = LocalDateTime.now(clock);
    jdbc.sql("""
            INSERT INTO std_standard (title, node_code, standard_type, responsible_section, status, code, created_at, updated_at)
            VALUES (:title, '205', 'INTERNAL', 'sec-canteen', 'IN_FORCE', :code, :now, :now)""")
        .param("title", title).param("code", code).param("now", now).update();
    return jdbc.sql("SELECT id FROM std_standard WHERE code = :code").param("code", code).query(Long.class).single();
  }

  private long insertNotice(long standardId, String kind, String message, LocalDateTime at) {
    jdbc.sql("""
            INSERT INTO std_notice (standard_id, kind, message, created_by, created_at)
            VALUES (:sid, :kind, :msg, 'zhaomin', :at)""")
        .param("sid", standardId).param("kind", kind).param("msg", message).param("at", at).update();
    return jdbc.sql("SELECT MAX(id) FROM std_notice WHERE standard_id = :sid").param("sid", standardId)
        .query(Long.class).single();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
