package org.stdflow.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the notification jobs on this node unless {@code stdflow.notification.dispatcher.enabled} is
 * false (tests drive them by hand). Boot's single scheduler thread runs them one after another.
 * Several nodes may all run them: leases and idempotency keys keep every mail single.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "stdflow.notification.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationScheduling.class);

  private final NotificationDispatcher dispatcher;
  private final NoticeMails notices;
  private final TaskDeadlineMails deadlines;
  private final NotificationProperties properties;
  private final Clock clock;

  NotificationScheduling(NotificationDispatcher dispatcher, NoticeMails notices, TaskDeadlineMails deadlines,
      NotificationProperties properties, Clock clock) {
    this.dispatcher = dispatcher;
    this.notices = notices;
    this.deadlines = deadlines;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(job("notices and dispatch", now -> notices.fanOut(now) + dispatcher.dispatchAt(now)),
        properties.dispatcher().interval());
    registrar.addFixedDelayTask(job("due-date reminders", deadlines::scan), properties.reminders().scanInterval());
    if (properties.digest().enabled()) {
      registrar.addCronTask(new CronTask(job("daily digest", deadlines::digest),
          new CronTrigger(properties.digest().cron(), clock.getZone())));
    }
  }

  /** A failing round is logged and the next one runs as planned. */
  private Runnable job(String name, Function<LocalDateTime, Integer> body) {
    return () -> {
      try {
        body.apply(LocalDateTime.now(clock));
      } catch (RuntimeException e) {
        LOG.warn("Notification job '{}' failed; it runs again at its next turn: {}", name, e.toString());
      }
    };
  }
}
