package org.stdflow.inspection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The periods the cadences report on: ISO weeks (Monday to Sunday), months, quarters. */
final class CadencePeriods {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  private CadencePeriods() {
  }

  /** A week from Monday to Sunday. */
  record Week(LocalDate start, LocalDate end) {
    static Week of(LocalDate day) {
      LocalDate monday = day.with(DayOfWeek.MONDAY);
      return new Week(monday, monday.plusDays(6));
    }

    String label() {
      return start + " 至 " + end;
    }
  }

  /** A quarter such as 2026-Q4. */
  record Quarter(int year, int number) {
    static Quarter of(LocalDate day) {
      return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** null when the text is not YYYY-Qn. */
    static Quarter parse(String text) {
      Matcher m = text == null ? null : QUARTER.matcher(text.strip());
      return m == null || !m.matches() ? null : new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    Quarter previous() {
      return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    YearMonth firstMonth() {
      return YearMonth.of(year, (number - 1) * 3 + 1);
    }

    List<YearMonth> months() {
      YearMonth first = firstMonth();
      return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    LocalDate start() {
      return firstMonth().atDay(1);
    }

    LocalDate end() {
      return firstMonth().plusMonths(2).atEndOfMonth();
    }

    boolean isAfter(Quarter other) {
      return year > other.year || (year == other.year && number > other.number);
    }

    boolean isBefore(Quarter other) {
      return other.isAfter(this);
    }

    String label() {
      return year + " 年第 " + number + " 季度";
    }

    @Override
    public String toString() {
      return year + "-Q" + number;
    }
  }

  /** null when the text is not YYYY-MM. */
  static YearMonth parseMonth(String text) {
    Matcher m = text == null ? null : MONTH.matcher(text.strip());
    return m == null || !m.matches() ? null : YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  static String monthLabel(YearMonth month) {
    return month.getYear() + " 年 " + month.getMonthValue() + " 月";
  }
}
