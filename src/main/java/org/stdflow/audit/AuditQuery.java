package org.stdflow.audit;

import java.time.LocalDate;

/**
 * What an auditor asks for; every part optional. Dates are whole days in the bureau's time zone,
 * both inclusive.
 */
public record AuditQuery(Long standardId, String processInstanceId, String user, String section, LocalDate from,
    LocalDate to, String action, int limit, int offset) {
}
