package org.stdflow.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the audit API in the app's JSON shape {status, message}, Chinese messages. */
@RestControllerAdvice(assignableTypes = AuditController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditExceptionHandler {

  @ExceptionHandler(AuditBadRequestException.class)
  ResponseEntity<Map<String, Object>> bad(AuditBadRequestException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(AuditNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(AuditNotFoundException e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(org.stdflow.platform.pdf.CjkPdf.FontUnavailableException.class)
  ResponseEntity<Map<String, Object>> font(org.stdflow.platform.pdf.CjkPdf.FontUnavailableException e) {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("status", status.value());
    b.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(b);
  }
}
