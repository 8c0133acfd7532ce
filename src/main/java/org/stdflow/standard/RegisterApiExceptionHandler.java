package org.stdflow.standard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the register and tree endpoints in the API's shape {status, message, fieldErrors?}.
 * Ordered before the platform's handler, which still answers FormValidationException (400 with
 * fieldErrors) for the tree's body validation.
 */
@RestControllerAdvice(assignableTypes = {StandardController.class, StandardNodeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegisterApiExceptionHandler {

  @ExceptionHandler(RegisterApiException.class)
  ResponseEntity<Map<String, Object>> refused(RegisterApiException e) {
    Map<String, Object> body = body(e.status(), e.getMessage());
    if (!e.fieldErrors().isEmpty()) {
      body.put("fieldErrors", e.fieldErrors());
    }
    return ResponseEntity.status(e.status()).body(body);
  }

  /** Malformed JSON would otherwise get Spring's English default body. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON 对象"));
  }

  /**
   * A constraint the checks could not see coming (a concurrent edit took the code, or a standard was
   * filed on the node meanwhile): the transaction is rolled back, the caller may retry.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, Object>> conflict(DataIntegrityViolationException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(body(HttpStatus.CONFLICT, "数据已被他人同时修改，本次操作未保存，请刷新后重试"));
  }

  private static Map<String, Object> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    return body;
  }
}
