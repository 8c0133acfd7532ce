package org.stdflow.audit;

/** An unknown standard or process run (HTTP 404), with a Chinese message. */
class AuditNotFoundException extends RuntimeException {
  AuditNotFoundException(String message) {
    super(message);
  }
}
