package org.stdflow.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.platform.security.CurrentUser;

/** The outbox for administrators: list by status (e.g. FAILED) and retry a failed mail. */
@RestController
@RequestMapping("/api/admin/notifications")
class NotificationAdminController {

  private final Outbox outbox;
  private final Recipients recipients;
  private final Clock clock;

  NotificationAdminController(Outbox outbox, Recipients recipients, Clock clock) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.clock = clock;
  }

  @GetMapping
  ResponseEntity<?> list(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
    if (!user.isAdmin()) {
      return error(HttpStatus.FORBIDDEN, "只有系统管理员可以查看通知发送情况。");
    }
    NotificationStatus s = status == null || status.isBlank() ? null
        : NotificationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)); // unknown → 400 (ApiExceptionHandler)
    List<Map<String, Object>> rows = outbox.list(s, Math.max(1, Math.min(limit, 1000))).stream()
        .map(NotificationAdminController::view).toList();
    return ResponseEntity.ok(rows);
  }

  /** FAILED → PENDING with fresh attempts, to the user's current address (it may have been fixed meanwhile). */
  @PostMapping("/{id}/retry")
  ResponseEntity<?> retry(@RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user, @PathVariable long id) {
    if (!user.isAdmin()) {
      return error(HttpStatus.FORBIDDEN, "只有系统管理员可以重发通知。");
    }
    Outbox.Row row = outbox.find(id);
    if (row == null) {
      return error(HttpStatus.NOT_FOUND, "未找到通知 " + id + "。");
    }
    if (row.status() != NotificationStatus.FAILED) {
      return error(HttpStatus.CONFLICT, "只能重发发送失败（FAILED）的通知，该通知的状态是 " + row.status() + "。");
    }
    String email = row.userId() == null ? row.email() : recipients.emailOf(row.userId());
    if (email == null) {
      return error(HttpStatus.CONFLICT, "用户 " + row.userId() + " 没有电子邮件地址，无法重发。");
    }
    if (!outbox.retry(id, email, LocalDateTime.now(clock))) {
      return error(HttpStatus.CONFLICT, "通知 " + id + " 的状态刚刚改变，请刷新后再试。");
    }
    return ResponseEntity.ok(view(outbox.find(id)));
  }

  private static Map<String, Object> view(Outbox.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("key", r.key());
    m.put("kind", r.kind());
    m.put("recipientUser", r.userId());
    m.put("recipientEmail", r.email());
    m.put("subject", r.subject());
    m.put("taskId", r.taskId());
    m.put("status", r.status().name());
    m.put("attempts", r.attempts());
    m.put("nextAttemptAt", r.nextAttemptAt());
    m.put("lastError", r.lastError());
    m.put("createdAt", r.createdAt());
    m.put("sentAt", r.sentAt());
    return m;
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
