package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记继续有效: the standard stays in force; the next review is one interval (DMN review-interval)
 * from today. Also the end of a repeal that leadership did not approve.
 */
@Component("keepStandardDelegate")
class KeepStandardDelegate implements JavaDelegate {

  private final StandardRegister register;
  private final ReviewRecorder reviews;
  private final Clock clock;

  KeepStandardDelegate(StandardRegister register, ReviewRecorder reviews, Clock clock) {
    this.register = register;
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean repealRefused = "repeal".equals(LifecycleValues.string(execution, PERIODIC_REVIEW_OUTCOME))
        && "reject".equals(LifecycleValues.string(execution, REPEAL_DECISION));
    String reason = repealRefused
        ? "废止未获批准：" + LifecycleValues.string(execution, REPEAL_DECISION_REASON)
        : LifecycleValues.string(execution, PERIODIC_REVIEW_REASON);
    reviews.record(execution, "KEEP", reason);
    LocalDate next = LocalDate.now(clock).plusYears(LifecycleValues.integer(execution.getVariable(REVIEW_INTERVAL_YEARS)));
    register.setNextReviewDate(LifecycleValues.longValue(execution, STANDARD_ID), next);
    execution.setVariable(NEXT_REVIEW_DATE, Date.from(next.atStartOfDay(clock.getZone()).toInstant()));
    execution.removeVariable(REPEAL_DECISION);
  }
}
