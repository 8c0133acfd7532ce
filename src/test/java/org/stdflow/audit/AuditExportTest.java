package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.document.DocumentKind;
import org.stdflow.standard.LifecycleTestSupport;
import org.stdflow.standard.StandardLifecycleProcess;

/**
 * CSV and PDF of a standard's trail hold the same entries as the JSON answer: the CSV parsed cell
 * by cell, the PDF read back as text (so the embedded CJK font maps back to the same Chinese).
 */
@StdflowSpringTest
class AuditExportTest extends LifecycleTestSupport {

  @LocalServerPort int port;

  @Test
  void csvAndPdfHoldTheSameEntriesAsTheApi() throws Exception {
    ProcessInstance pi = approvedProposal(unique("会议室预订服务规范"), "liuyang", "sec-canteen");
    upload(pi, DocumentKind.STANDARD_TEXT, "liuyang");
    upload(pi, DocumentKind.DRAFTING_NOTES, "liuyang");
    complete(pi, StandardLifecycleProcess.TASK_DRAFT_STANDARD, "liuyang", draft(List.of("sec-property")));
    long id = standardId(pi);
    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    String query = "/api/audit/entries%s?standardId=" + id;

    List<JsonNode> entries = new ArrayList<>();
    auditor.get(query.formatted("")).json().path("entries").forEach(entries::add);
    assertThat(entries).hasSizeGreaterThan(10);
    assertThat(entries.stream().filter(e -> e.path("action").asText().equals("DOCUMENT_UPLOADED"))).hasSize(2);

    RestClient.BinaryResponse csv = auditor.getBytes(query.formatted(".csv"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<List<String>> rows = parseCsv(text.substring(1));
    assertThat(rows.get(0)).isEqualTo(AuditExports.CSV_HEADER);
    List<List<String>> data = rows.subList(1, rows.size());
    assertThat(data).hasSize(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      List<String> row = data.get(i);
      assertThat(row).hasSize(AuditExports.CSV_HEADER.size());
      assertThat(row.get(0)).isEqualTo(e.path("seq").asText());
      assertThat(row.get(1)).isEqualTo(e.path("time").asText());
      assertThat(row.get(2)).isEqualTo(text(e, "standardCode"));
      assertThat(row.get(6)).isEqualTo(text(e, "step"));
      assertThat(row.get(7)).isEqualTo(text(e, "actor"));
      assertThat(row.get(8)).isEqualTo(text(e, "actorName"));
      assertThat(row.get(10)).isEqualTo(text(e, "actionLabel"));
      assertThat(row.get(11)).isEqualTo(text(e, "action"));
      assertThat(row.get(13)).isEqualTo(text(e, "value"));
      assertThat(row.get(15)).isEqualTo(text(e, "sha256"));
      assertThat(row.get(16)).isEqualTo(text(e, "hash"));
    }

    RestClient.BinaryResponse pdf = auditor.getBytes(query.formatted(".pdf"));
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(f -> {
        assertThat(f.isEmbedded()).isTrue();
        assertThat(f.getName()).contains("WenQuanYi");
      });
      String pdfText = new PDFTextStripper().getText(doc);
      assertThat(pdfText).contains("审计追溯记录").contains("共 " + entries.size() + " 条");
      // every CSV row's entry, in the same order, with its Chinese action, step and name, and document hashes
      int at = 0;
      for (List<String> row : data) {
        int block = pdfText.indexOf("[" + row.get(0) + "] " + row.get(1), at);
        assertThat(block).as("entry " + row.get(0) + " in the PDF after position " + at).isGreaterThanOrEqualTo(at);
        int next = pdfText.indexOf("\n[", block + 1);
        String blockText = pdfText.substring(block, next < 0 ? pdfText.length() : next);
        assertThat(blockText).contains(row.get(8)).contains("操作：" + row.get(10)).contains("记录哈希：" + row.get(16));
        if (!row.get(6).isEmpty()) {
          assertThat(blockText).contains("步骤：" + row.get(6));
        }
        if (!row.get(15).isEmpty()) {
          assertThat(blockText).contains("文件 SHA-256：" + row.get(15));
        }
        at = block + 1;
      }
    }
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaks() {
    AuditTrail.View v = new AuditTrail.View(1, java.time.Instant.EPOCH, "1970-01-01 08:00:00", null, null, null, null,
        null, null, "步骤", null, "u", "名", null, null, "DECISION", "作出决定", "x", "a,b \"c\"\n第二行", "=1+1", null,
        "h");
    String csv = new String(new AuditExports(null, null, null).csv(List.of(v)), StandardCharsets.UTF_8);
    List<List<String>> rows = parseCsv(csv.substring(1));
    assertThat(rows.get(1).get(13)).isEqualTo("a,b \"c\"\n第二行");
    assertThat(rows.get(1).get(14)).isEqualTo("'=1+1");
  }

  private static String text(JsonNode e, String field) {
    return e.path(field).isNull() || e.path(field).isMissingNode() ? "" : e.path(field).asText();
  }

  /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end with CRLF. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    if (!row.isEmpty() || cell.length() > 0) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }

}
