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

  /** A body that is no JSON, or a field of the wrong type: the field is named where Jackson knows it. */
  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        String field = path(mapping.getPath());
        String message = c instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
            && mismatched.getTargetType() != null
            ? "请求内容有误：字段 " + field + " 应为" + expected(mismatched.getTargetType())
            : "请求内容有误：字段 " + field + " 的值无效";
        if (c instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid && invalid.getValue() != null) {
          message += "，收到“" + invalid.getValue() + "”";
        }
        Map<String, Object> body = body(HttpStatus.BAD_REQUEST, message);
        body.put("fieldErrors", Map.of(field, message.substring("请求内容有误：".length())));
        return ResponseEntity.badRequest().body(body);
      }
    }
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST,
        "请求内容不是有效的 JSON，或字段类型不对（例如数字字段填了文字）。"));
  }

  /** items[2].weight */
  private static String path(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (var ref : refs) {
      if (ref.getFieldName() != null) {
        b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** A date far outside any calendar the reports can compute with, e.g. from=+999999999-01-01. */
  @ExceptionHandler(java.time.DateTimeException.class)
  ResponseEntity<Map<String, Object>> dateOutOfRange(java.time.DateTimeException e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "请求参数有误：日期超出可处理的范围"));
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
