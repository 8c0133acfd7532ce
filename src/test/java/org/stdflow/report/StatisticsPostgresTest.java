package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowPostgresTest;

/**
 * The statistics queries on PostgreSQL (EXTRACT, IN lists, timestamp arithmetic done in Java): the
 * same known data set gives the same figures as on H2, and the reports are produced.
 */
@StdflowPostgresTest
class StatisticsPostgresTest {

  @Autowired JdbcClient jdbc;
  @Autowired StatisticsQueries queries;
  @Autowired StatisticsReports reports;
  @Autowired ObjectMapper json;

  @Test
  void theKnownDataSetGivesTheSameFiguresAsOnH2() throws Exception {
    StatisticsTestData.Tree tree = new StatisticsTestData(jdbc).energy2011();
    Statistics s = queries.compute(new StatisticsFilter(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31),
        "sec-energy", List.of("sec-energy"), tree.root()), "2011");
    JsonNode node = json.valueToTree(s);
    StatisticsApiTest.assertEveryFigureOfTheEnergySectionIn2011(node, tree.root(), tree.child(), tree.emptyChild());

    ReportPeriod q1 = ReportPeriod.parse(ReportPeriod.Kind.QUARTERLY, "2011-Q1");
    Statistics quarter = queries.compute(new StatisticsFilter(q1.from(), q1.to(), "sec-energy", List.of("sec-energy"),
        null), q1.label());
    try (PDDocument doc = Loader.loadPDF(reports.pdf(quarter, q1))) {
      assertThat(new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ")).contains("检查合格率（%） 60\n")
          .contains("平均整改天数 14.5\n");
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(quarter, q1)))) {
      assertThat(book.getSheet("5 各科室检查情况").getRow(1).getCell(4).getNumericCellValue()).isEqualTo(60.0);
    }
  }
}
