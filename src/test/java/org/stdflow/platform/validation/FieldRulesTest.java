package org.stdflow.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reader of submitted dates, and the rules built on it. */
class FieldRulesTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** 2026-12-07 01:30 in Beijing, still 2026-12-06 in UTC. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T17:30:00Z"), BEIJING);

  @Test
  void aDateIsReadAsFormsStoreItOrAsTheDayOfAnInstantInTheGivenZone() {
    assertThat(FieldRules.date("2026-12-08", BEIJING)).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(FieldRules.date(" 2026-12-08 ", BEIJING)).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(FieldRules.date("2026-12-08T00:00:00", BEIJING)).isEqualTo(LocalDate.of(2026, 12, 8));
    Date lateEvening = Date.from(Instant.parse("2026-12-07T16:30:00Z"));
    assertThat(FieldRules.date(lateEvening, BEIJING)).isEqualTo(LocalDate.of(2026, 12, 8));
    assertThat(FieldRules.date(lateEvening, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void malformedDatesAreNull() {
    for (String bad : new String[] {"2026-12-08xyz", "2026-13-01", "2026-02-30", "12/08/2026", "明天", ""}) {
      assertThat(FieldRules.date(bad, BEIJING)).as(bad).isNull();
    }
  }

  @Test
  void aFutureDateIsAfterTodayByTheBureausClock() {
    assertThat(rules("2026-12-08").futureDate("d", "计划完成日期", CLOCK).errors()).isEmpty();
    // today in Beijing though still yesterday in UTC
    assertThat(rules("2026-12-07").futureDate("d", "计划完成日期", CLOCK).errors())
        .containsExactly(Map.entry("d", "计划完成日期必须晚于今天"));
    assertThat(rules("2026-12-08xyz").futureDate("d", "计划完成日期", CLOCK).errors())
        .containsExactly(Map.entry("d", "计划完成日期不是有效日期（格式 yyyy-MM-dd）"));
    assertThat(rules(" ").futureDate("d", "计划完成日期", CLOCK).errors())
        .containsExactly(Map.entry("d", "计划完成日期不能为空"));
  }

  @Test
  void allErrorsAreReportedTogetherWithTheFieldsLabels() {
    FieldRules rules = FieldRules.of(Map.of("d", "昨天", "t", "")::get)
        .futureDate("d", "计划完成日期", CLOCK).requiredText("t", "标准名称", 2, 50);
    assertThatThrownBy(rules::throwIfInvalid).isInstanceOfSatisfying(FormValidationException.class, e -> {
      assertThat(e.fieldErrors()).containsOnlyKeys("d", "t");
      assertThat(e.getMessage()).contains("计划完成日期不是有效日期").contains("标准名称不能为空");
    });
  }

  private static FieldRules rules(String value) {
    return FieldRules.of(Map.of("d", value)::get);
  }
}
