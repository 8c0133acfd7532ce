package org.stdflow.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A refused request of our own API, answered by {@link ApiExceptionHandler} as {status, message}
 * with the Chinese message as given.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
