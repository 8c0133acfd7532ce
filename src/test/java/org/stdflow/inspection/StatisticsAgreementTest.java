package org.stdflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.report.Statistics;
import org.stdflow.report.StatisticsFilter;
import org.stdflow.report.StatisticsQueries;
import org.stdflow.report.StatisticsTestData;

/**
 * The dashboard (org.stdflow.report) and the weekly/monthly/quarterly cadences ({@link SupervisionFigures})
 * count alike: for every month of 2015 and the whole year, one section's figures agree.
 */
@StdflowSpringTest
class StatisticsAgreementTest {

  private static final String SECTION = "sec-office-space";

  @Autowired JdbcClient jdbc;
  @Autowired SupervisionFigures figures;
  @Autowired StatisticsQueries statistics;
  @Autowired Clock clock;

  @Test
  void theDashboardAndTheCadencesCountAlike() {
    StatisticsTestData d = new StatisticsTestData(jdbc);
    String node = d.node("SA" + d.suffix, "一致性测试" + d.suffix, null, 92);
    var a = d.standard("A1", node, "INTERNAL", "IN_FORCE", SECTION, null, LocalDate.of(2014, 1, 1));
    String[] statuses = {"PASSED", "FAILED", "MISSED", "PASSED", "PASSED", "FAILED"};
    for (int i = 0; i < 24; i++) {
      LocalDate day = LocalDate.of(2015, 1 + i / 2, 3 + 10 * (i % 2));
      long inspection = d.inspection(a, SECTION, day, statuses[i % statuses.length]);
      if ("FAILED".equals(statuses[i % statuses.length])) {
        LocalDateTime opened = day.atTime(10, 0);
        // every other one closed 40 days later; deadlines 5 days after opening, re-inspected for the closed ones
        LocalDateTime closed = i % 4 == 1 ? opened.plusDays(40) : null;
        long r = d.rectification(inspection, a, SECTION, "INSPECTION", opened, closed);
        d.round(r, 1, opened, opened.plusDays(5), closed);
      }
      if (i % 5 == 0) {
        d.commendation("CRITICISM", "RECTIFICATION", SECTION, day.atTime(15, 0));
      }
    }

    LocalDateTime now = LocalDateTime.now(clock);
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(2015, m);
      compare(month.atDay(1), month.atEndOfMonth(), now);
    }
    compare(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31), now);
    compare(LocalDate.of(2015, 4, 1), LocalDate.of(2015, 6, 30), now);
  }

  private void compare(LocalDate from, LocalDate to, LocalDateTime now) {
    SupervisionFigures.Figures cadence = figures.of(SECTION, from, to, now);
    Statistics s = statistics.compute(new StatisticsFilter(from, to, SECTION, List.of(SECTION), null), from + "–" + to);
    Statistics.InspectionRow inspections = s.inspections().bySection().get(0);
    Statistics.RectificationRow rectifications = s.rectifications().bySection().get(0);
    String period = from + "–" + to;
    assertThat(s.inspections().done()).as(period).isEqualTo(cadence.inspections());
    assertThat(inspections.passed()).as(period).isEqualTo(cadence.passed());
    assertThat(inspections.failed()).as(period).isEqualTo(cadence.failed());
    assertThat(inspections.missed()).as(period).isEqualTo(cadence.missed());
    assertThat(inspections.passRate()).as(period).isEqualTo(cadence.passRate());
    assertThat(rectifications.opened()).as(period).isEqualTo(cadence.rectOpened());
    assertThat(rectifications.closed()).as(period).isEqualTo(cadence.rectClosed());
    assertThat(rectifications.open()).as(period).isEqualTo(cadence.rectOpen());
    assertThat(rectifications.overdue()).as(period).isEqualTo(cadence.rectOverdue());
    assertThat(s.commendations().criticism()).as(period).isEqualTo(cadence.criticisms());
  }
}
