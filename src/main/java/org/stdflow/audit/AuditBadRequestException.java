package org.stdflow.audit;

/** A malformed audit query (HTTP 400); the message is Chinese and says what to fix. */
class AuditBadRequestException extends RuntimeException {
  AuditBadRequestException(String message) {
    super(message);
  }
}
