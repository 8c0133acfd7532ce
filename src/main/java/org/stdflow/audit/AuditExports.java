package org.stdflow.audit;

import org.stdflow.platform.csv.CsvCells;
import org.stdflow.platform.pdf.CjkPdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * CSV and PDF of the same entries. CSV: UTF-8 with BOM (Excel opens Chinese correctly), RFC 4180
 * quoting, one row per entry. PDF: A4, one block per entry, with a CJK TrueType font embedded as a
 * subset (by default WenQuanYi Micro Hei shipped in the jar), so Chinese prints on any machine.
 */
@Component
class AuditExports {

  static final List<String> CSV_HEADER = List.of("序号", "时间", "标准编号", "标准名称", "流程", "流程实例", "步骤", "用户",
      "姓名", "科室", "操作", "操作代码", "对象", "内容", "理由", "文件SHA-256", "记录哈希");

  private static final float MARGIN = 40;
  private static final float SIZE = 8;
  private static final float LEADING = 11;

  private final ResourceLoader resources;
  private final AuditProperties properties;
  private final Clock clock;

  AuditExports(ResourceLoader resources, AuditProperties properties, Clock clock) {
    this.resources = resources;
    this.properties = properties;
    this.clock = clock;
  }

  byte[] csv(List<AuditTrail.View> entries) {
    StringBuilder b = new StringBuilder("\uFEFF");
    row(b, CSV_HEADER);
    for (AuditTrail.View e : entries) {
      row(b, csvFields(e));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<String> csvFields(AuditTrail.View e) {
    return java.util.Arrays.asList(Long.toString(e.seq()), e.time(), e.standardCode(), e.standardTitle(),
        e.processKey(), e.processInstanceId(), e.step(), e.actor(), e.actorName(), e.sectionName(), e.actionLabel(),
        e.action(), e.subject(), e.value(), e.reason(), e.sha256(), e.hash());
  }

  private static void row(StringBuilder b, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(CsvCells.cell(fields.get(i)));
    }
    b.append("\r\n");
  }

  // ------------------------------------------------------------------ PDF

  byte[] pdf(List<AuditTrail.View> entries, String title) {
    try (CjkPdf pdf = CjkPdf.open(resources, properties.pdfFont(), "stdflow.audit.pdf-font")) {
      PDDocument doc = pdf.document();
      PDType0Font font = pdf.font();
      CmapLookup cmap = pdf.cmap();
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("审计追溯记录");
      info.setCreator("stdflow");
      Writer w = new Writer(doc, font, cmap);
      w.line("审计追溯记录", 14);
      w.line(title, 10);
      w.line("导出时间：" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AuditTrail.ZONE)
          .format(clock.instant()) + "    共 " + entries.size() + " 条", SIZE);
      w.gap();
      for (AuditTrail.View e : entries) {
        w.line("[" + e.seq() + "] " + e.time() + "  " + e.actorName()
            + (e.sectionName() == null ? "" : "（" + e.sectionName() + "）")
            + (e.standardCode() == null && e.standardTitle() == null ? ""
                : "  标准：" + nz(e.standardCode()) + " " + nz(e.standardTitle())), SIZE);
        w.line("操作：" + e.actionLabel() + (e.step() == null ? "" : "  步骤：" + e.step())
            + (e.subject() == null ? "" : "  对象：" + e.subject()), SIZE);
        if (e.value() != null) {
          w.line("内容：" + e.value(), SIZE);
        }
        if (e.reason() != null) {
          w.line("理由：" + e.reason(), SIZE);
        }
        if (e.sha256() != null) {
          w.line("文件 SHA-256：" + e.sha256(), SIZE);
        }
        if (e.processInstanceId() != null) {
          w.line("流程：" + nz(e.processKey()) + "  实例：" + e.processInstanceId(), SIZE);
        }
        w.line("记录哈希：" + e.hash(), SIZE);
        w.gap();
      }
      w.close();
      return pdf.save();
    } catch (IOException e) {
      throw new IllegalStateException("PDF export failed", e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Writes lines top to bottom, wrapping at the right margin and starting new pages. */
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

    void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      pageNo++;
      out = new PDPageContentStream(doc, page);
      y = page.getMediaBox().getHeight() - MARGIN;
      out.beginText();
      out.setFont(font, 7);
      out.newLineAtOffset(page.getMediaBox().getWidth() - MARGIN - 40, MARGIN / 2);
      out.showText("第 " + pageNo + " 页");
      out.endText();
    }

    void gap() {
      y -= LEADING / 2;
    }

    void line(String text, float size) throws IOException {
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      for (String paragraph : printable(text).split("\n", -1)) {
        for (String part : wrap(paragraph, size, width)) {
          if (y - size * 1.4f < MARGIN) {
            newPage();
          }
          y -= Math.max(LEADING, size * 1.4f);
          out.beginText();
          out.setFont(font, size);
          out.newLineAtOffset(MARGIN, y);
          out.showText(part);
          out.endText();
        }
      }
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      float w = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        float cw = font.getStringWidth(ch) / 1000 * size;
        if (w + cw > width && current.length() > 0) {
          lines.add(current.toString());
          current.setLength(0);
          w = 0;
        }
        current.append(ch);
        w += cw;
        i += Character.charCount(cp);
      }
      lines.add(current.toString());
      return lines;
    }

    /** Characters the font has no glyph for (and control characters) become "?" instead of failing the export. */
    private String printable(String text) {
      StringBuilder b = new StringBuilder(text.length());
      text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').codePoints().forEach(cp -> {
        if (cp == '\n') {
          b.append('\n');
        } else if (Character.isISOControl(cp) || cmap.getGlyphId(cp) == 0) {
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
