package org.stdflow.standard;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refused request to the register's API (bad query parameter, unknown id, forbidden, conflict),
 * with the HTTP status and the Chinese message the caller sees. Field errors name the parameter or
 * body field at fault.
 */
class RegisterApiException extends RuntimeException {

  private final HttpStatus status;
  private final transient Map<String, String> fieldErrors;

  RegisterApiException(HttpStatus status, String message) {
    this(status, message, Map.of());
  }

  RegisterApiException(HttpStatus status, String message, Map<String, String> fieldErrors) {
    super(message);
    this.status = status;
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  static RegisterApiException badParameter(String parameter, String message) {
    return new RegisterApiException(HttpStatus.BAD_REQUEST, "请求参数有误：" + message, Map.of(parameter, message));
  }

  static RegisterApiException notFound(String message) {
    return new RegisterApiException(HttpStatus.NOT_FOUND, message);
  }

  HttpStatus status() {
    return status;
  }

  Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
