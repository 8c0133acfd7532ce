package org.stdflow.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Requests to our API that no handler takes: a method the address does not support (405) or a body
 * that is no JSON (415), answered in the API's shape and in Chinese. These are raised before a
 * handler is chosen, where {@link ApiExceptionHandler} (limited to our controllers) does not apply;
 * for other paths the exception goes on to Spring's own handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingErrors {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    if (!api(request)) {
      throw e;
    }
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiExceptionHandler.body(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求内容的类型不受支持"
            + (e.getContentType() == null ? "" : "（" + e.getContentType() + "）") + "：请以 JSON 提交（Content-Type: application/json）"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (!api(request)) {
      throw e;
    }
    var response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
    if (e.getSupportedHttpMethods() != null) {
      response.allow(e.getSupportedHttpMethods().toArray(new HttpMethod[0]));
    }
    return response.body(ApiExceptionHandler.body(HttpStatus.METHOD_NOT_ALLOWED, "该地址不支持 " + e.getMethod() + " 请求"
        + (e.getSupportedMethods() == null ? "" : "（支持：" + String.join("、", e.getSupportedMethods()) + "）")));
  }

  private static boolean api(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
  }
}
