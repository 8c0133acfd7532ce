package org.stdflow.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code stdflow_notifications{status=...}}: rows of the outbox per status, so FAILED (and a
 * PENDING that keeps growing during an SMTP outage) can be alerted on. Counted at each scrape (an
 * indexed COUNT per status; scrapes are rare), never stale.
 */
@Component
class NotificationMetrics implements MeterBinder {

  private final Outbox outbox;

  NotificationMetrics(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (NotificationStatus status : NotificationStatus.values()) {
      Gauge.builder("stdflow.notifications", outbox, o -> o.count(status))
          .description("Mail notifications in the outbox by status").tag("status", status.name())
          .strongReference(true).register(registry);
    }
  }
}
