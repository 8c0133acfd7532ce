package org.stdflow.platform;

import java.util.Map;

/**
 * A capability whose models start on a configured cron (a timer start event with
 * {@code ${bean.cron(...)}}): which process keys, on which cron as configured now. Every such bean
 * is kept in line by {@link TimerStartSync}.
 */
public interface TimerStartSchedules {

  /** Process definition key → the cron its timer start event should run on. */
  Map<String, String> timerStartCrons();
}
