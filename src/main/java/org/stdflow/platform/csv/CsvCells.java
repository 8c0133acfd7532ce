package org.stdflow.platform.csv;

/**
 * One CSV cell (RFC 4180) that a spreadsheet opens as text. A value starting with {@code = + - @},
 * a tab or a carriage return would be read by Excel or WPS as a formula (a comment or complaint text
 * such as {@code -2+3+cmd|' /C calc'!A0} runs on the reader's machine); it gets a leading apostrophe.
 */
public final class CsvCells {

  private static final String FORMULA_LEADERS = "=+-@\t\r";

  private CsvCells() {
  }

  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = !value.isEmpty() && FORMULA_LEADERS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
