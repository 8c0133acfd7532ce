package org.stdflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Test processes and mail reading shared by the notification tests. */
final class NotificationTestSupport {

  static final String PROCESS = "notification-test";
  static final String GROUP_PROCESS = "notification-test-group";

  private NotificationTestSupport() {
  }

  /** 第一步 (assignee ${firstAssignee}, due ${due}) → 第二步 (zhaomin) → end. */
  static BpmnModelInstance twoStepProcess() {
    return Bpmn.createExecutableProcess(PROCESS).name("通知测试流程").camundaHistoryTimeToLive(3650)
        .startEvent()
        .userTask("Task_First").name("第一步").camundaAssignee("${firstAssignee}").camundaDueDate("${due}")
        .userTask("Task_Second").name("第二步").camundaAssignee("zhaomin")
        .endEvent().done();
  }

  /** One task for the candidate group ${group}. */
  static BpmnModelInstance groupProcess() {
    return Bpmn.createExecutableProcess(GROUP_PROCESS).name("通知测试流程（科室）").camundaHistoryTimeToLive(3650)
        .startEvent().userTask("Task_Group").name("科室任务").camundaCandidateGroups("${group}").endEvent().done();
  }

  /** The text/plain part of a received mail. */
  static String plainText(Part part) {
    return find(part, "text/plain");
  }

  static String html(Part part) {
    return find(part, "text/html");
  }

  private static String find(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart body = multipart.getBodyPart(i);
          String found = find(body, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String to(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).findFirst().orElse(null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String key(MimeMessage message) {
    try {
      String[] h = message.getHeader("X-Stdflow-Notification");
      return h == null ? null : h[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Received mails whose idempotency key contains the fragment (e.g. a task id). */
  static List<MimeMessage> received(GreenMailExtension greenMail, String keyFragment) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      String k = key(m);
      return k != null && k.contains(keyFragment);
    }).toList();
  }
}
