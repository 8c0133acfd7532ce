package org.stdflow.notification;

/** Where a row of the outbox stands. */
enum NotificationStatus {
  /** Waiting to be sent (also while no SMTP server is configured). */
  PENDING,
  SENT,
  /** Gave up: address rejected, or too many attempts with the server answering. Admins may retry. */
  FAILED,
  /** The recipient has no e-mail address: nothing is sent, the row records that. */
  SKIPPED_NO_ADDRESS
}
