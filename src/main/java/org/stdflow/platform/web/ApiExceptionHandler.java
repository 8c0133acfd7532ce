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

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage()));
  }

  /** A path or query parameter of the wrong type, e.g. /api/inspections/abc: named, with what it should be. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST,
        "请求参数有误：参数 " + e.getName() + " 应为" + expected(e.getRequiredType()) + "，收到“" + e.getValue() + "”"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST,
        "请求参数有误：缺少参数 " + e.getParameterName()));
  }

  static String expected(Class<?> type) {
    if (type == null) {
      return "有效的值";
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "整数";
    }
    if (type == boolean.class || type == Boolean.class) {
      return " true 或 false";
    }
    if (type == java.time.LocalDate.class) {
      return "日期，格式 yyyy-MM-dd";
    }
    if (type.isEnum()) {
      return "以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(java.util.stream.Collectors.joining("、"));
    }
    return "有效的值";
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
