package org.stdflow.audit;

import java.time.Instant;

/** A chained audit entry as stored in aud_entry. */
public record AuditEntry(long seq, Instant recordedAt, String prevHash, String hash, AuditRecord record) {
}
