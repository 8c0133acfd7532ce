package org.stdflow.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.report.StatisticsAccess.StatisticsApiException;

/**
 * The statistics dashboard's figures as JSON, and the periodic reports as PDF and XLSX.
 *
 * <ul>
 *   <li>{@code GET /api/statistics?from=2026-01-01&to=2026-11-30&section=sec-canteen&node=205}: every
 *       parameter optional (period default: this year up to today);
 *   <li>{@code GET /api/statistics/reports/monthly/2026-11.pdf|.xlsx},
 *       {@code /api/statistics/reports/quarterly/2026-Q4.pdf|.xlsx} (optional {@code section}).
 * </ul>
 */
@RestController
class StatisticsController {

  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Pattern REPORT_FILE = Pattern.compile("(.+)\\.(pdf|xlsx)");
  /** Longest period one request may cover (its monthly series stays readable). */
  private static final int MAX_YEARS = 5;

  private final StatisticsQueries queries;
  private final StatisticsAccess access;
  private final StatisticsReports reports;
  private final Clock clock;

  StatisticsController(StatisticsQueries queries, StatisticsAccess access, StatisticsReports reports, Clock clock) {
    this.queries = queries;
    this.access = access;
    this.reports = reports;
    this.clock = clock;
  }

  @ExceptionHandler(StatisticsApiException.class)
  ResponseEntity<Map<String, Object>> refused(StatisticsApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", e.status.value());
    body.put("message", e.getMessage());
    return ResponseEntity.status(e.status).body(body);
  }

  @GetMapping("/api/statistics")
  Statistics statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String section, @RequestParam(required = false) String node,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    LocalDate t = date("to", to);
    LocalDate f = date("from", from);
    if (t == null) {
      t = f != null && f.isAfter(LocalDate.now(clock)) ? f.withDayOfYear(f.lengthOfYear()) : LocalDate.now(clock);
    }
    if (f == null) {
      f = t.withDayOfYear(1);
    }
    if (f.isAfter(t)) {
      throw new StatisticsApiException(HttpStatus.BAD_REQUEST, "请求参数有误：开始日期 from 不能晚于结束日期 to");
    }
    if (f.plusYears(MAX_YEARS).isBefore(t)) {
      throw new StatisticsApiException(HttpStatus.BAD_REQUEST,
          "请求参数有误：统计期间最长 " + MAX_YEARS + " 年，请缩短 from 至 to 的范围");
    }
    String s = blankToNull(section);
    String n = blankToNull(node);
    if (n != null && !queries.nodeExists(n)) {
      throw new StatisticsApiException(HttpStatus.BAD_REQUEST, "请求参数有误：标准体系中没有编号为 " + n + " 的节点");
    }
    List<String> sections = access.sections(user, s);
    return queries.compute(new StatisticsFilter(f, t, s, sections, n), f + " 至 " + t);
  }

  @GetMapping("/api/statistics/reports/{kind}/{file}")
  ResponseEntity<byte[]> report(@PathVariable String kind, @PathVariable String file,
      @RequestParam(required = false) String section,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    Matcher m = REPORT_FILE.matcher(file);
    if (!m.matches()) {
      throw new StatisticsApiException(HttpStatus.NOT_FOUND,
          "请求的报告文件不存在：报告文件须为 <期间>.pdf 或 <期间>.xlsx，例如 monthly/2026-11.pdf、quarterly/2026-Q4.xlsx");
    }
    ReportPeriod period;
    try {
      period = ReportPeriod.parse(ReportPeriod.Kind.ofPath(kind), m.group(1));
    } catch (IllegalArgumentException e) {
      throw new StatisticsApiException(HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage());
    }
    String s = blankToNull(section);
    List<String> sections = access.sections(user, s);
    Statistics statistics = queries.compute(new StatisticsFilter(period.from(), period.to(), s, sections, null),
        period.label());
    boolean pdf = "pdf".equals(m.group(2));
    byte[] body = pdf ? reports.pdf(statistics, period) : reports.xlsx(statistics, period);
    String name = "统计报告-" + period.code() + (s == null ? "" : "-" + s) + "." + m.group(2);
    return ResponseEntity.ok()
        .contentType(pdf ? MediaType.APPLICATION_PDF : XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new StatisticsApiException(HttpStatus.BAD_REQUEST,
          "请求参数有误：" + name + " 须为 YYYY-MM-DD 格式的日期（例如 2026-11-30），收到：" + value);
    }
  }
}
