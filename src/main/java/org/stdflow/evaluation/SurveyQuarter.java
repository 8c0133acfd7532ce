package org.stdflow.evaluation;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter such as 2026-Q3, the period of a survey round. */
record SurveyQuarter(int year, int number) {

  private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-Q([1-4])$");

  static SurveyQuarter of(LocalDate day) {
    return new SurveyQuarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** null when the text is not YYYY-Qn. */
  static SurveyQuarter parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.strip());
    return m == null || !m.matches() ? null
        : new SurveyQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  SurveyQuarter previous() {
    return number == 1 ? new SurveyQuarter(year - 1, 4) : new SurveyQuarter(year, number - 1);
  }

  boolean isAfter(SurveyQuarter other) {
    return year > other.year || (year == other.year && number > other.number);
  }

  String label() {
    return year + " 年第 " + number + " 季度";
  }

  @Override
  public String toString() {
    return year + "-Q" + number;
  }
}
