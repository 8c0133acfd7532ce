package org.stdflow.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a periodic report: a month ({@code 2026-11}) or a quarter ({@code 2026-Q4}).
 *
 * @param kind monthly or quarterly
 * @param code the period as written in URLs and mail keys
 */
public record ReportPeriod(Kind kind, String code, LocalDate from, LocalDate to, String label) {

  public enum Kind {
    MONTHLY("monthly", "月度"), QUARTERLY("quarterly", "季度");

    private final String path;
    private final String label;

    Kind(String path, String label) {
      this.path = path;
      this.label = label;
    }

    public String path() {
      return path;
    }

    public String label() {
      return label;
    }

    static Kind ofPath(String path) {
      for (Kind k : values()) {
        if (k.path.equals(path)) {
          return k;
        }
      }
      throw new IllegalArgumentException("报告类型只能是 monthly（月度）或 quarterly（季度），收到：" + path);
    }
  }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  /** Parses {@code 2026-11} (monthly) or {@code 2026-Q4} (quarterly); IllegalArgumentException with a Chinese message. */
  static ReportPeriod parse(Kind kind, String code) {
    if (kind == Kind.MONTHLY) {
      Matcher m = MONTH.matcher(code);
      int month = m.matches() ? Integer.parseInt(m.group(2)) : 0;
      if (month < 1 || month > 12) {
        throw new IllegalArgumentException("月份须写作 YYYY-MM（例如 2026-11），收到：" + code);
      }
      return month(YearMonth.of(Integer.parseInt(m.group(1)), month));
    }
    Matcher q = QUARTER.matcher(code);
    if (!q.matches()) {
      throw new IllegalArgumentException("季度须写作 YYYY-Qn（例如 2026-Q4），收到：" + code);
    }
    return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
  }

  static ReportPeriod month(YearMonth m) {
    return new ReportPeriod(Kind.MONTHLY, m.toString(), m.atDay(1), m.atEndOfMonth(),
        m.getYear() + "年" + m.getMonthValue() + "月");
  }

  static ReportPeriod quarter(int year, int quarter) {
    YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
    return new ReportPeriod(Kind.QUARTERLY, year + "-Q" + quarter, first.atDay(1), first.plusMonths(2).atEndOfMonth(),
        year + "年第" + quarter + "季度");
  }

  /** The last complete period before {@code today}: last month, or last quarter. */
  static ReportPeriod previous(Kind kind, LocalDate today) {
    if (kind == Kind.MONTHLY) {
      return month(YearMonth.from(today).minusMonths(1));
    }
    YearMonth lastOfPrevious = YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(1);
    return quarter(lastOfPrevious.getYear(), (lastOfPrevious.getMonthValue() - 1) / 3 + 1);
  }

  /** e.g. 机关事务标准化工作月度统计报告（2026年11月） */
  public String title() {
    return "机关事务标准化工作" + kind.label + "统计报告（" + label + "）";
  }

  /** e.g. /api/statistics/reports/monthly/2026-11 (without extension) */
  public String path() {
    return "/api/statistics/reports/" + kind.path + "/" + code;
  }
}
