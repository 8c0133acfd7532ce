package org.stdflow.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.stdflow.platform.validation.FormValidationException;

/** One JSON error shape for our own API: {status, message, fieldErrors?}, messages in Chinese. */
@RestControllerAdvice(basePackages = "org.stdflow")
class ApiExceptionHandler {

  @ExceptionHandler(FormValidationException.class)
  ResponseEntity<Map<String, Object>> invalid(FormValidationException e) {
    Map<String, Object> body = body(HttpStatus.BAD_REQUEST, e.getMessage());
    body.put("fieldErrors", e.fieldErrors());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
      IllegalArgumentException.class})
  ResponseEntity<Map<String, Object>> badRequest(Exception e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage()));
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST,
        "请求内容不是有效的 JSON，或字段类型不对（例如数字字段填了文字）。"));
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> refused(ApiException e) {
    return ResponseEntity.status(e.status()).body(body(e.status(), e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body(HttpStatus.FORBIDDEN, "无权执行此操作。"));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body(HttpStatus.NOT_FOUND, "未找到：" + e.getMessage()));
  }

  static Map<String, Object> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    return body;
  }
}
