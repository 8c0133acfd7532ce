package org.stdflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical serialisation of an entry and its hash. Every field is written as
 * {@code <length>:<value>} (or {@code ~} for null) in a fixed order, so no two different entries
 * serialise alike whatever characters the values hold; times as epoch milliseconds (independent of
 * time zones and of how a database renders timestamps). hash = SHA-256(prev_hash | serialisation).
 */
final class AuditHashing {

  static final String GENESIS = "0".repeat(64);

  private AuditHashing() {
  }

  static String hash(long seq, Instant recordedAt, String prevHash, AuditRecord r) {
    StringBuilder b = new StringBuilder(512);
    b.append("stdflow-audit-v1");
    field(b, Long.toString(seq));
    field(b, prevHash);
    field(b, millis(r.occurredAt()));
    field(b, millis(recordedAt));
    field(b, r.standardId() == null ? null : r.standardId().toString());
    field(b, r.processInstanceId());
    field(b, r.processKey());
    field(b, r.activityId());
    field(b, r.stepName());
    field(b, r.taskId());
    field(b, r.actor());
    field(b, r.actorSection());
    field(b, r.action().name());
    field(b, r.subject());
    field(b, r.value());
    field(b, r.reason());
    field(b, r.sha256());
    field(b, r.sourceKey());
    return sha256(b.toString());
  }

  private static String millis(Instant t) {
    return t == null ? null : Long.toString(t.toEpochMilli());
  }

  private static void field(StringBuilder b, String value) {
    b.append('|');
    if (value == null) {
      b.append('~');
    } else {
      b.append(value.length()).append(':').append(value);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
