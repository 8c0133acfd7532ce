package org.stdflow.document;

import org.springframework.http.HttpStatus;

/** A refused document request (404 task/document, 403 not allowed) with a Chinese message. */
class DocumentAccessException extends RuntimeException {

  private final HttpStatus status;

  DocumentAccessException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }
}
