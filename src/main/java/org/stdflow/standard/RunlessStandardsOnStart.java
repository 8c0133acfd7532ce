package org.stdflow.standard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start, once the models are deployed, standards in force without a life-cycle run (the
 * demo register, standards entered in the register by SQL when the bureau moved from paper) get one
 * waiting for their review date ({@link StandardLifecycleService#attachRun}); an overdue review falls
 * due at once. Idempotent, and safe when several nodes start together.
 * ({@code stdflow.lifecycle.attach-runs-on-start}; the tests call the service themselves.)
 */
@Component
@ConditionalOnProperty(name = "stdflow.lifecycle.attach-runs-on-start", havingValue = "true", matchIfMissing = true)
class RunlessStandardsOnStart {

  private final StandardLifecycleService lifecycle;

  RunlessStandardsOnStart(StandardLifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @EventListener(ApplicationReadyEvent.class)
  void attachRuns() {
    lifecycle.attachMissingRuns();
  }
}
