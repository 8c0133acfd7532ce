package org.stdflow.inspection;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;

/** Chinese labels of supervision values, for forms, mails and the REST views. */
public final class InspectionLabels {

  public static final Map<String, String> SEVERITIES = Map.of("CRITICAL", "严重", "MAJOR", "较重", "MINOR", "一般",
      "NONE", "无");
  public static final Map<String, String> RESULTS = Map.of("PASS", "合格", "FAIL", "不合格", "NA", "不适用");
  public static final Map<String, String> INSPECTION_STATUSES = Map.of("PLANNED", "待检查", "PASSED", "合格",
      "FAILED", "不合格", "MISSED", "漏检");

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private InspectionLabels() {
  }

  public static String severity(String code) {
    return SEVERITIES.getOrDefault(code, code);
  }

  public static String dateTime(Date date, ZoneId zone) {
    return date == null ? "" : DATE_TIME.format(date.toInstant().atZone(zone));
  }
}
