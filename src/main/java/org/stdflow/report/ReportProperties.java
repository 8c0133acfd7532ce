package org.stdflow.report;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Periodic statistics reports.
 *
 * @param monthlyCron when the monthly report (of the month before) is mailed; Quartz syntax as
 *     Camunda timers use it, server time zone
 * @param quarterlyCron when the quarterly report (of the quarter before) is mailed
 * @param recipientGroups the groups whose members get the mail
 * @param pdfFont a TrueType font (.ttf or .ttc) with CJK glyphs, embedded in the PDF, as a Spring
 *     resource location (the audit trail's PDF export uses the same font)
 */
@ConfigurationProperties("stdflow.report")
record ReportProperties(
    @DefaultValue("0 0 8 2 * ?") String monthlyCron,
    @DefaultValue("0 0 8 2 1,4,7,10 ?") String quarterlyCron,
    @DefaultValue("leadership") List<String> recipientGroups,
    @DefaultValue("classpath:fonts/wqy-microhei.ttc") String pdfFont) {
}
