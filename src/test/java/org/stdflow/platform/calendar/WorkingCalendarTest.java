package org.stdflow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Deadlines in working days: weekends, holidays and the weekend days worked in exchange. */
class WorkingCalendarTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  // Monday 2026-12-07, 20:45 in Beijing
  private static final Instant MONDAY_EVENING = LocalDateTime.of(2026, 12, 7, 20, 45).atZone(BEIJING).toInstant();

  private static WorkingCalendar calendar(String holidays, String workdays) {
    return new WorkingCalendar(Clock.fixed(MONDAY_EVENING, BEIJING), holidays, workdays, "17:30");
  }

  private static LocalDateTime local(Instant instant) {
    return LocalDateTime.ofInstant(instant, BEIJING);
  }

  @Test
  void aDeadlineIsTheClosingTimeOfTheNthWorkingDayAfterToday() {
    WorkingCalendar c = calendar("", "");
    assertThat(local(c.deadline(MONDAY_EVENING, 1))).isEqualTo(LocalDateTime.of(2026, 12, 8, 17, 30));
    // five working days from a Monday: the next Monday, never a Saturday evening
    assertThat(local(c.deadline(MONDAY_EVENING, 5))).isEqualTo(LocalDateTime.of(2026, 12, 14, 17, 30));
    // from a Friday: the weekend does not count
    Instant friday = LocalDateTime.of(2026, 12, 11, 10, 0).atZone(BEIJING).toInstant();
    assertThat(local(c.deadline(friday, 1))).isEqualTo(LocalDateTime.of(2026, 12, 14, 17, 30));
    assertThat(local(c.deadline(friday, 0))).as("at least one working day").isEqualTo(LocalDateTime.of(2026, 12, 14, 17, 30));
    assertThat(c.dueIn(1).toInstant()).isEqualTo(c.deadline(MONDAY_EVENING, 1));
  }

  @Test
  void holidaysAreSkippedAndExchangedWeekendDaysWorked() {
    // a holiday week with a Saturday worked in exchange
    WorkingCalendar c = calendar("2026-12-08..2026-12-11", "2026-12-12");
    assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 9))).isFalse();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 12))).isTrue();
    assertThat(c.isWorkingDay(LocalDate.of(2026, 12, 13))).isFalse();
    assertThat(local(c.deadline(MONDAY_EVENING, 1))).isEqualTo(LocalDateTime.of(2026, 12, 12, 17, 30));
    assertThat(local(c.deadline(MONDAY_EVENING, 2))).isEqualTo(LocalDateTime.of(2026, 12, 14, 17, 30));
    assertThat(calendar("2027-01-01, 2026-12-31", "").holidays())
        .containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1));
  }

  @Test
  void badConfigurationStopsTheStartWithTheSettingNamed() {
    assertThatThrownBy(() -> calendar("2026-13-01", "")).hasMessageContaining("stdflow.calendar.holidays")
        .hasMessageContaining("2026-13-01");
    assertThatThrownBy(() -> calendar("2026-10-08..2026-10-01", "")).hasMessageContaining("日期范围");
    assertThatThrownBy(() -> new WorkingCalendar(Clock.systemUTC(), "", "", "5pm"))
        .hasMessageContaining("stdflow.calendar.closing-time");
  }
}
