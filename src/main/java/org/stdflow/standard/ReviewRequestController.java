package org.stdflow.standard;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.validation.FormValidationException;

/** POST /api/standards/{id}/review-requests: the office or leadership asks for an out-of-cycle review. */
@RestController
class ReviewRequestController {

  private final StandardLifecycleService lifecycle;

  ReviewRequestController(StandardLifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @PostMapping("/api/standards/{id}/review-requests")
  ResponseEntity<Map<String, Object>> request(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    if (!(user.isAdmin() || user.isMemberOf("std-office") || user.isMemberOf("leadership"))) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("status", 403, "message", "只有标准化办公室、领导小组和管理员可以发起计划外复审"));
    }
    Object reason = body == null ? null : body.get("reason");
    if (reason == null || reason.toString().isBlank() || reason.toString().length() > 1000) {
      throw new FormValidationException(Map.of("reason", "请填写复审理由（不超过 1000 字）"));
    }
    try {
      lifecycle.requestOutOfCycleReview(id, reason.toString().strip(), user.id());
    } catch (StandardLifecycleService.ReviewNotPossibleException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "message", e.getMessage()));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", 202, "message", "已发起计划外复审"));
  }
}
