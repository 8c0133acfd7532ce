package org.stdflow.report;

import org.stdflow.platform.pdf.CjkPdf;
import org.stdflow.platform.xlsx.XlsxTables;

import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The periodic report as PDF (A4, with the CJK TrueType font embedded as a subset, the same font
 * and library as the audit trail's export) and as XLSX (one sheet per table), both from
 * {@link ReportTables}.
 */
@Component
class StatisticsReports {

  private static final float MARGIN = 40;
  private static final float SIZE = 9;
  private static final float LEADING = 14;
  private static final float PADDING = 6;

  private final ReportProperties properties;
  private final ResourceLoader resources;

  StatisticsReports(ReportProperties properties, ResourceLoader resources) {
    this.properties = properties;
    this.resources = resources;
  }

  // ------------------------------------------------------------------ XLSX

  byte[] xlsx(Statistics s, ReportPeriod period) {
    List<XlsxTables.Sheet> sheets = new java.util.ArrayList<>();
    int index = 0;
    for (ReportTables.Table t : ReportTables.of(s)) {
      sheets.add(new XlsxTables.Sheet(++index + " " + t.title(), t.header(), t.rows()));
    }
    return XlsxTables.write(period.title(), scopeLine(s), sheets);
  }

  static String scopeLine(Statistics s) {
    return "统计期间：" + s.period().from() + " 至 " + s.period().to() + "　　范围："
        + (s.section() == null ? (s.sections().size() == 1 ? s.sections().get(0).name() : "全部科室") : s.section().name())
        + "　　生成时间：" + s.generatedAt();
  }

  // ------------------------------------------------------------------ PDF

  byte[] pdf(Statistics s, ReportPeriod period) {
    try (CjkPdf pdf = CjkPdf.open(resources, properties.pdfFont(), "stdflow.report.pdf-font")) {
      PDDocument doc = pdf.document();
      PDType0Font font = pdf.font();
      doc.getDocumentInformation().setTitle(period.title());
      doc.getDocumentInformation().setCreator("stdflow");
      Writer w = new Writer(doc, font, pdf.cmap());
      w.text(period.title(), 15, MARGIN);
      w.text(scopeLine(s), SIZE, MARGIN);
      if (!s.complaints().available() || !s.satisfaction().available()) {
        w.text("说明：投诉和满意度测评尚无记录时显示“" + ReportTables.NO_DATA + "”。", SIZE, MARGIN);
      }
      for (ReportTables.Table t : ReportTables.of(s)) {
        w.gap();
        w.table(t);
      }
      w.close();
      return pdf.save();
    } catch (IOException e) {
      throw new IllegalStateException("PDF report failed", e);
    }
  }

  /** Writes text and tables top to bottom, starting new pages as needed. */
  private static final class Writer {
    private final PDDocument doc;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private PDPageContentStream out;
    private float y;
    private int pageNo;

    Writer(PDDocument doc, PDType0Font font, CmapLookup cmap) throws IOException {
      this.doc = doc;
      this.font = font;
      this.cmap = cmap;
      newPage();
    }

    private void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      pageNo++;
      out = new PDPageContentStream(doc, page);
      y = page.getMediaBox().getHeight() - MARGIN;
      show("第 " + pageNo + " 页", 7, page.getMediaBox().getWidth() - MARGIN - 30, MARGIN / 2);
    }

    void gap() {
      y -= LEADING / 2;
    }

    void text(String text, float size, float x) throws IOException {
      need(size * 1.6f);
      y -= size * 1.6f;
      show(text, size, x, y);
    }

    void table(ReportTables.Table t) throws IOException {
      float available = PDRectangle.A4.getWidth() - 2 * MARGIN;
      int columns = t.header().size();
      float[] widths = new float[columns];
      for (int i = 0; i < columns; i++) {
        widths[i] = width(t.header().get(i)) + 2 * PADDING;
        for (List<Object> row : t.rows()) {
          widths[i] = Math.max(widths[i], width(ReportTables.text(row.get(i))) + 2 * PADDING);
        }
      }
      float total = 0;
      int widest = 0;
      for (int i = 0; i < columns; i++) {
        total += widths[i];
        widest = widths[i] > widths[widest] ? i : widest;
      }
      if (total > available) {
        widths[widest] -= total - available;
      }
      need(LEADING * 3 + 12);
      text(t.title(), 11, MARGIN);
      row(t.header(), widths, true);
      for (List<Object> cells : t.rows()) {
        row(cells.stream().map(ReportTables::text).toList(), widths, false);
      }
    }

    private void row(List<String> cells, float[] widths, boolean header) throws IOException {
      need(LEADING);
      y -= LEADING;
      float x = MARGIN;
      for (int i = 0; i < cells.size(); i++) {
        String cell = fit(printable(cells.get(i)), widths[i] - 2 * PADDING);
        boolean number = !header && i > 0 && cell.matches("[0-9.]+");
        float cx = number ? x + widths[i] - PADDING - width(cell) : x + PADDING;
        show(cell, SIZE, cx, y + 3);
        x += widths[i];
      }
      out.setLineWidth(header ? 0.8f : 0.3f);
      out.moveTo(MARGIN, y);
      out.lineTo(x, y);
      out.stroke();
    }

    private void need(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    private void show(String text, float size, float x, float atY) throws IOException {
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, atY);
      out.showText(printable(text));
      out.endText();
    }

    private float width(String text) throws IOException {
      return font.getStringWidth(printable(text)) / 1000 * SIZE;
    }

    private String fit(String text, float width) throws IOException {
      if (width(text) <= width) {
        return text;
      }
      String t = text;
      while (!t.isEmpty() && width(t + "…") > width) {
        t = t.substring(0, t.length() - 1);
      }
      return t + "…";
    }

    /** Characters the font has no glyph for (and control characters) become "?" instead of failing. */
    private String printable(String text) {
      StringBuilder b = new StringBuilder(text.length());
      text.codePoints().forEach(cp -> {
        if (Character.isISOControl(cp) || cmap.getGlyphId(cp) == 0) {
          b.append('?');
        } else {
          b.appendCodePoint(cp);
        }
      });
      return b.toString();
    }

    void close() throws IOException {
      out.close();
    }
  }
}
