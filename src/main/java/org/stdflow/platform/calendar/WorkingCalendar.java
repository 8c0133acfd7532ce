package org.stdflow.platform.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bureau's working days, for deadlines stated as "N 个工作日内": Monday to Friday, less the public
 * holidays, plus the weekend days worked in exchange (调休上班). The State Council publishes the
 * holidays each year, so they are configuration: {@code stdflow.calendar.holidays} and
 * {@code stdflow.calendar.workdays}, comma-separated dates or ranges {@code 2026-10-01..2026-10-08}. A
 * deadline falls at the closing time ({@code stdflow.calendar.closing-time}, 17:30) of the N-th
 * working day after the day it is set, in the bureau's zone. As a bean named {@code workingCalendar}
 * it serves the models' due dates too: {@code ${workingCalendar.dueIn(3)}}.
 */
@Component("workingCalendar")
public class WorkingCalendar {

  private final Clock clock;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;
  private final LocalTime closingTime;

  public WorkingCalendar(Clock clock, @Value("${stdflow.calendar.holidays:}") String holidays,
      @Value("${stdflow.calendar.workdays:}") String workdays,
      @Value("${stdflow.calendar.closing-time:17:30}") String closingTime) {
    this.clock = clock;
    this.holidays = dates("stdflow.calendar.holidays", holidays);
    this.workdays = dates("stdflow.calendar.workdays", workdays);
    try {
      this.closingTime = LocalTime.parse(closingTime.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("stdflow.calendar.closing-time 应为 HH:mm，例如 17:30（收到“" + closingTime + "”）", e);
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    if (workdays.contains(day)) {
      return true;
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend && !holidays.contains(day);
  }

  /** The closing time of the {@code workingDays}-th working day after the day of {@code from} (at least 1). */
  public Instant deadline(Instant from, int workingDays) {
    LocalDate day = from.atZone(clock.getZone()).toLocalDate();
    int left = Math.max(1, workingDays);
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day.atTime(closingTime).atZone(clock.getZone()).toInstant();
  }

  /** {@link #deadline} from now, as the engine's due dates take it. */
  public Date dueIn(int workingDays) {
    return Date.from(deadline(Instant.now(clock), workingDays));
  }

  List<LocalDate> holidays() {
    return holidays.stream().sorted().toList();
  }

  private static Set<LocalDate> dates(String property, String raw) {
    Set<LocalDate> out = new HashSet<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String part : raw.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      try {
        int dots = p.indexOf("..");
        if (dots < 0) {
          out.add(LocalDate.parse(p));
        } else {
          LocalDate first = LocalDate.parse(p.substring(0, dots).strip());
          LocalDate last = LocalDate.parse(p.substring(dots + 2).strip());
          if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
            throw new IllegalArgumentException(property + " 的日期范围“" + p + "”无效（结束早于开始或超过一年）");
          }
          for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(d);
          }
        }
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(property + " 中的“" + p + "”不是日期（yyyy-MM-dd 或 yyyy-MM-dd..yyyy-MM-dd）", e);
      }
    }
    return out;
  }
}
