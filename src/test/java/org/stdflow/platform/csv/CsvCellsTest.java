package org.stdflow.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells of the audit export and the comment-resolution table: text in a spreadsheet, never a formula. */
class CsvCellsTest {

  @Test
  void formulaLeadersAreKeptAsText() {
    assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvCells.cell("+86 123")).isEqualTo("'+86 123");
    assertThat(CsvCells.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("\tx")).isEqualTo("'\tx");
    assertThat(CsvCells.cell("=HYPERLINK(\"x\",1)")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",1)\"");
  }

  @Test
  void plainQuotedAndEmptyCells() {
    assertThat(CsvCells.cell("食堂卫生良好")).isEqualTo("食堂卫生良好");
    assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.cell("说\"好\"")).isEqualTo("\"说\"\"好\"\"\"");
    assertThat(CsvCells.cell("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
    assertThat(CsvCells.cell("")).isEmpty();
    assertThat(CsvCells.cell(null)).isEmpty();
  }
}
