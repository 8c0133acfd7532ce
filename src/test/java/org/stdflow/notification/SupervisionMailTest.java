package org.stdflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdflow.notification.NotificationTestSupport.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowSpringTest;
import org.stdflow.inspection.RectificationProcess;
import org.stdflow.inspection.SupervisionTestSupport;

/**
 * The supervision mails through a real SMTP server (GreenMail): the rectification notice with its
 * findings, the reminder, the escalation to leadership, and the circulated criticism to every
 * section and leadership — recipients, Chinese subject and text, the Tasklist link.
 */
@StdflowSpringTest
class SupervisionMailTest extends SupervisionTestSupport {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @Autowired MailServer mailServer;
  @Autowired NotificationDispatcher dispatcher;

  @BeforeEach
  void pointAtGreenMail() throws Exception {
    jdbc.sql("DELETE FROM ntf_notification").update();
    greenMail.purgeEmailFromAllMailboxes();
    mailServer.useServer("localhost", greenMail.getSmtp().getPort());
  }

  @AfterEach
  void resetMailServer() {
    mailServer.reset();
  }

  @Test
  void rectificationNoticeReminderEscalationAndCriticismArriveInChinese() throws Exception {
    ProcessInstance r = failedInspection(standardInForce(canteenChecklist()), "PASS", "FAIL", "PASS");
    long id = (Long) engine.getRuntimeService().getVariable(r.getId(), RectificationProcess.Vars.RECTIFICATION_ID);
    String reportTask = engine.getTaskService().createTaskQuery().processInstanceId(r.getId())
        .taskDefinitionKey(RectificationProcess.TASK_SUBMIT_REPORT).singleResult().getId();
    Object standardLabel = engine.getRuntimeService().getVariable(r.getId(), RectificationProcess.Vars.STANDARD_LABEL);
    executeJob(r, RectificationProcess.BOUNDARY_DUE_SOON);
    executeJob(r, RectificationProcess.BOUNDARY_OVERDUE);
    report(r);
    complete(r, RectificationProcess.TASK_REINSPECT, "majun", reinspection(r, null, "open"));
    drain();

    // the new-task mail of 提交整改报告 names the standard (supervision tasks have no life-cycle title)
    List<MimeMessage> created = received(greenMail, "task-created:" + reportTask + ":");
    assertThat(created).isNotEmpty();
    assertThat(plainText(created.get(0))).contains("标准：" + standardLabel).doesNotContain("标准：—");

    List<MimeMessage> notices = received(greenMail, "rectification-notice:" + id + ":1:");
    assertThat(notices).hasSize(1);
    MimeMessage notice = notices.get(0);
    assertThat(to(notice)).isEqualTo("liuyang@jgswj.example.cn");
    assertThat(subject(notice)).startsWith("【整改通知】Q/BSJG T").contains("（第一机关食堂，第 1 轮）");
    assertThat(plainText(notice)).startsWith("刘洋：").contains("经监督检查，发现食堂管理科存在以下问题")
        .contains("检查地点：第一机关食堂")
        .contains("条款 6.2：餐具消毒后保洁存放——检查发现：现场发现问题 2")
        .contains("http://localhost:8080/camunda/app/tasklist/");
    assertThat(html(notice)).contains("<li>条款 6.2：餐具消毒后保洁存放").contains("严重程度：<strong>");

    assertThat(received(greenMail, "rectification-reminder:" + id + ":1:")).extracting(m -> to(m))
        .containsExactly("liuyang@jgswj.example.cn");
    List<MimeMessage> overdue = received(greenMail, "rectification-overdue:" + id + ":1:");
    assertThat(overdue).extracting(m -> to(m))
        .containsExactlyInAnyOrder("wangjianguo@jgswj.example.cn", "lihong@jgswj.example.cn");
    assertThat(subject(overdue.get(0))).startsWith("【整改逾期】食堂管理科");
    assertThat(plainText(overdue.get(0))).contains("现报请领导小组督办");

    List<MimeMessage> criticism = received(greenMail, "criticism:rectification:");
    assertThat(criticism).extracting(m -> to(m)).contains("huanglei@jgswj.example.cn", "liuyang@jgswj.example.cn",
        "wangjianguo@jgswj.example.cn", "lihong@jgswj.example.cn").doesNotContain("majun@jgswj.example.cn");
    assertThat(subject(criticism.get(0))).isEqualTo("【通报批评】食堂管理科");
    assertThat(plainText(criticism.get(0))).contains("经整改复查，现对食堂管理科予以通报批评")
        .contains("第 1 轮整改复查不合格");
    // the new round's notice went out too
    assertThat(received(greenMail, "rectification-notice:" + id + ":2:")).hasSize(1);
  }

  private void drain() {
    for (int round = 0; round < 100; round++) {
      if (dispatcher.dispatchAt(LocalDateTime.now(clock).plusDays(1)) == 0) {
        return;
      }
    }
    throw new AssertionError("dispatcher did not drain the outbox");
  }
}
