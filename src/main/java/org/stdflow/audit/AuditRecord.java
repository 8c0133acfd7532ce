package org.stdflow.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One audit entry before it is chained (no sequence number, no hashes yet). Times are kept to the
 * millisecond: that is what both databases store exactly, and what the hash covers.
 */
public record AuditRecord(Instant occurredAt, Long standardId, String processInstanceId, String processKey,
    String activityId, String stepName, String taskId, String actor, String actorSection, AuditAction action,
    String subject, String value, String reason, String sha256, String sourceKey) {

  static final int MAX_TEXT = 4000;
  static final int MAX_SHORT = 255;

  public AuditRecord {
    occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MILLIS);
    stepName = cut(stepName, MAX_SHORT);
    subject = cut(subject, MAX_SHORT);
    value = cut(value, MAX_TEXT);
    reason = cut(reason, MAX_TEXT);
  }

  static AuditRecord of(Instant at, AuditAction action) {
    return new AuditRecord(at, null, null, null, null, null, null, null, null, action, null, null, null, null, null);
  }

  AuditRecord withStandard(Long id) {
    return new AuditRecord(occurredAt, id, processInstanceId, processKey, activityId, stepName, taskId, actor,
        actorSection, action, subject, value, reason, sha256, sourceKey);
  }

  AuditRecord withProcess(String pi, String key) {
    return new AuditRecord(occurredAt, standardId, pi, key, activityId, stepName, taskId, actor, actorSection, action,
        subject, value, reason, sha256, sourceKey);
  }

  AuditRecord withStep(String activity, String step, String task) {
    return new AuditRecord(occurredAt, standardId, processInstanceId, processKey, activity, step, task, actor,
        actorSection, action, subject, value, reason, sha256, sourceKey);
  }

  AuditRecord withActor(String user, String section) {
    return new AuditRecord(occurredAt, standardId, processInstanceId, processKey, activityId, stepName, taskId, user,
        section, action, subject, value, reason, sha256, sourceKey);
  }

  AuditRecord withDetail(String subj, String val, String why) {
    return new AuditRecord(occurredAt, standardId, processInstanceId, processKey, activityId, stepName, taskId, actor,
        actorSection, action, subj, val, why, sha256, sourceKey);
  }

  AuditRecord withDocument(String hash, String key) {
    return new AuditRecord(occurredAt, standardId, processInstanceId, processKey, activityId, stepName, taskId, actor,
        actorSection, action, subject, value, reason, hash, key);
  }

  static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }
}
