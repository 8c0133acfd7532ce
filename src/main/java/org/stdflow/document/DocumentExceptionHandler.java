package org.stdflow.document;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the document endpoints in the API's shape {status, message, fieldErrors?}. Ordered
 * before the platform's handler so these exceptions are answered here.
 */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentExceptionHandler {

  @ExceptionHandler(DocumentRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(DocumentRejectedException e) {
    Map<String, Object> body = body(HttpStatus.BAD_REQUEST, e.getMessage());
    body.put("fieldErrors", e.fieldErrors());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(DocumentAccessException.class)
  ResponseEntity<Map<String, Object>> refused(DocumentAccessException e) {
    return ResponseEntity.status(e.status()).body(body(e.status(), e.getMessage()));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> badMultipart(MultipartException e) {
    Map<String, Object> body = body(HttpStatus.BAD_REQUEST, "上传请求无效：请用表单选择文件后上传");
    body.put("fieldErrors", Map.of("file", "请选择要上传的文件"));
    return ResponseEntity.badRequest().body(body);
  }

  private static Map<String, Object> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    return body;
  }
}
