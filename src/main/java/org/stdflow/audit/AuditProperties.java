package org.stdflow.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail.
 *
 * @param retention how long the engine keeps history (applied as the minimum historyTimeToLive of
 *     every process model; default 3650 days). The chain itself (aud_entry) is never removed by
 *     history cleanup.
 * @param pdfFont a TrueType font (.ttf or .ttc) with CJK glyphs for the PDF export, as a Spring
 *     resource location; default the WenQuanYi Micro Hei shipped in the jar
 * @param maxResults most entries one query or export returns
 */
@ConfigurationProperties("stdflow.audit")
public record AuditProperties(Duration retention, String pdfFont, Integer maxResults) {

  public AuditProperties {
    retention = retention == null ? Duration.ofDays(3650) : retention;
    pdfFont = pdfFont == null || pdfFont.isBlank() ? "classpath:fonts/wqy-microhei.ttc" : pdfFont;
    maxResults = maxResults == null ? 5000 : maxResults;
    if (retention.toDays() < 1) {
      throw new IllegalArgumentException("stdflow.audit.retention must be at least one day");
    }
    if (maxResults < 1) {
      throw new IllegalArgumentException("stdflow.audit.max-results must be positive");
    }
  }

  public int retentionDays() {
    return (int) Math.min(Integer.MAX_VALUE, retention.toDays());
  }
}
