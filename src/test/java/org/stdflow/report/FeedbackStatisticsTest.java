package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link FeedbackStatistics} on its own database (no Spring context): without the complaint and
 * survey tables every figure is 暂无数据; with tables of the documented shape (the contract for
 * wiring issue #7 parts 1–2) the figures are computed from their rows.
 */
class FeedbackStatisticsTest {

  private static final StatisticsFilter YEAR_2011 = new StatisticsFilter(LocalDate.of(2011, 1, 1),
      LocalDate.of(2011, 12, 31), null, null, null);

  private static JdbcDataSource database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Test
  void withoutTheTablesThereIsNoData() {
    JdbcDataSource ds = database();
    FeedbackStatistics feedback = new FeedbackStatistics(JdbcClient.create(ds), ds);
    assertThat(feedback.complaints(YEAR_2011)).isEqualTo(new FeedbackStatistics.Complaints(false, "暂无数据", null, null,
        null));
    assertThat(feedback.satisfaction(YEAR_2011)).isEqualTo(new FeedbackStatistics.Satisfaction(false, "暂无数据", null,
        null, List.of()));
  }

  @Test
  void withTheTablesTheFiguresComeFromTheirRows() {
    JdbcDataSource ds = database();
    JdbcClient jdbc = JdbcClient.create(ds);
    jdbc.sql("""
        CREATE TABLE fb_complaint (id INT PRIMARY KEY, section_id VARCHAR(64), received_at TIMESTAMP,
          first_response_at TIMESTAMP, closed_at TIMESTAMP)""").update();
    jdbc.sql("CREATE TABLE fb_survey_response (id INT PRIMARY KEY, section_id VARCHAR(64), answered_at TIMESTAMP,"
        + " score DECIMAL(5, 2))").update();
    jdbc.sql("""
        INSERT INTO fb_complaint VALUES
          (1, 'sec-canteen', TIMESTAMP '2011-03-01 09:00:00', TIMESTAMP '2011-03-01 11:00:00', TIMESTAMP '2011-03-05 09:00:00'),
          (2, 'sec-canteen', TIMESTAMP '2011-04-01 09:00:00', TIMESTAMP '2011-04-02 10:00:00', NULL),
          (3, 'sec-canteen', TIMESTAMP '2011-05-01 09:00:00', NULL, NULL),
          (4, 'sec-energy',  TIMESTAMP '2011-05-01 09:00:00', TIMESTAMP '2011-05-01 10:00:00', NULL),
          (5, 'sec-canteen', TIMESTAMP '2012-01-01 09:00:00', TIMESTAMP '2012-01-01 10:00:00', NULL)""").update();
    jdbc.sql("""
        INSERT INTO fb_survey_response VALUES
          (1, 'sec-canteen', TIMESTAMP '2011-01-10 09:00:00', 80), (2, 'sec-canteen', TIMESTAMP '2011-01-20 09:00:00', 91),
          (3, 'sec-canteen', TIMESTAMP '2011-03-10 09:00:00', 70), (4, 'sec-energy', TIMESTAMP '2011-03-10 09:00:00', 100),
          (5, 'sec-canteen', TIMESTAMP '2010-12-31 09:00:00', 10)""").update();
    FeedbackStatistics feedback = new FeedbackStatistics(jdbc, ds);

    StatisticsFilter canteen = new StatisticsFilter(YEAR_2011.from(), YEAR_2011.to(), "sec-canteen",
        List.of("sec-canteen"), null);
    // 3 received in 2011, 1 closed; answered after 2 h and 25 h: 13.5 h on average
    assertThat(feedback.complaints(canteen)).isEqualTo(new FeedbackStatistics.Complaints(true, null, 3, 1,
        new java.math.BigDecimal("13.5")));
    assertThat(feedback.complaints(YEAR_2011).received()).isEqualTo(4);
    FeedbackStatistics.Satisfaction s = feedback.satisfaction(canteen);
    assertThat(s.available()).isTrue();
    assertThat(s.responses()).isEqualTo(3);
    assertThat(s.average()).isEqualByComparingTo("80.3");
    assertThat(s.byMonth()).extracting(m -> m.month() + " " + m.responses() + " " + m.average())
        .containsExactly("2011-01 2 85.5", "2011-03 1 70.0");
    assertThat(feedback.satisfaction(YEAR_2011).average()).isEqualByComparingTo("85.3");
  }
}
