package org.stdflow.platform.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as an Excel workbook (Apache POI), the way the bureau's reports and lists are handed on:
 * a bold title and a line saying what the figures cover above the first table, one sheet per table,
 * bold headers, numbers as numbers, columns as wide as their text (CJK counted twice).
 */
public final class XlsxTables {

  /**
   * One sheet.
   *
   * @param rows cells: numbers become numeric cells, null an empty one, anything else its text
   */
  public record Sheet(String name, List<String> header, List<List<Object>> rows) {
  }

  private XlsxTables() {
  }

  public static byte[] write(String title, String subtitle, List<Sheet> sheets) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle header = book.createCellStyle();
      header.setFont(bold);
      CellStyle big = book.createCellStyle();
      Font bigFont = book.createFont();
      bigFont.setBold(true);
      bigFont.setFontHeightInPoints((short) 14);
      big.setFont(bigFont);
      book.getProperties().getCoreProperties().setTitle(title);
      boolean first = true;
      for (Sheet t : sheets) {
        org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet(t.name());
        int r = 0;
        if (first) {
          Cell c = sheet.createRow(r++).createCell(0);
          c.setCellValue(title);
          c.setCellStyle(big);
          sheet.createRow(r++).createCell(0).setCellValue(subtitle);
          r++;
          first = false;
        }
        Row head = sheet.createRow(r++);
        for (int i = 0; i < t.header().size(); i++) {
          Cell c = head.createCell(i);
          c.setCellValue(t.header().get(i));
          c.setCellStyle(header);
        }
        for (List<Object> cells : t.rows()) {
          Row row = sheet.createRow(r++);
          for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            Cell c = row.createCell(i);
            if (v instanceof Number n) {
              c.setCellValue(n.doubleValue());
            } else if (v != null) {
              c.setCellValue(String.valueOf(v));
            }
          }
        }
        for (int i = 0; i < t.header().size(); i++) {
          sheet.setColumnWidth(i, Math.min(60, Math.max(10, width(t, i))) * 256);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("XLSX failed: " + title, e);
    }
  }

  /** How a cell reads: a decimal without trailing zeros, null as nothing. */
  public static String text(Object cell) {
    if (cell instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() < 0 ? d.setScale(0).toPlainString() : d.stripTrailingZeros().toPlainString();
    }
    return cell == null ? "" : String.valueOf(cell);
  }

  /** Column width in characters, CJK counted twice. */
  private static int width(Sheet t, int column) {
    int w = t.header().get(column).codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    for (List<Object> row : t.rows()) {
      if (column < row.size()) {
        w = Math.max(w, text(row.get(column)).codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum());
      }
    }
    return w + 2;
  }
}
