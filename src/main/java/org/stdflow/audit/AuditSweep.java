package org.stdflow.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains app records written outside engine steps (uploads from the document page, mails of the
 * notice dispatcher) every few minutes, so they do not wait for the next step of their run.
 * Safe on several nodes: the append takes the chain-head lock and skips records already chained.
 *
 * <p>Each sweep looks back {@link #WINDOW} from its previous run. The first sweep after a start
 * looks back from the newest app record in the chain instead, so records written just before a
 * long stop are not left behind; when the chain holds no app record yet (a new installation, or
 * one upgraded from before the audit trail) it takes every record, e.g. the demo register's
 * versions, reviews and notices, which are stamped with their historical dates.
 */
@Component
class AuditSweep {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSweep.class);
  /** How far back a sweep, and a commit for the standards it touches, looks for unchained records. */
  static final Duration WINDOW = Duration.ofDays(7);
  static final Duration FIRST_SWEEP_DELAY = Duration.ofSeconds(30);

  private final AuditChain chain;
  private final AppRecords records;
  private final Directory directory;
  private final Clock clock;
  private final TransactionTemplate transactions;
  /** When the last successful sweep of this node started; null until then. */
  private volatile Instant previousSweep;

  AuditSweep(AuditChain chain, AppRecords records, Directory directory, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.chain = chain;
    this.records = records;
    this.directory = directory;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  void scheduled() {
    try {
      int n = sweepOnce();
      if (n > 0) {
        LOG.info("audit sweep chained {} app records", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("audit sweep failed; it runs again at the next interval", e);
    }
  }

  /** @return how many records were chained */
  int sweepOnce() {
    Instant now = clock.instant();
    Instant previous = previousSweep;
    Integer n = transactions.execute(s -> {
      // looked up before the chain lock is taken
      Instant since = since(now, previous, previous != null ? null : chain.newestAppRecordChainedAt());
      return chain.append(java.util.List.of(), jdbc -> records.sweep(jdbc, since, directory.sectionCache()));
    });
    previousSweep = now;
    return n == null ? 0 : n;
  }

  /**
   * Where a sweep starting at {@code now} looks from: {@link #WINDOW} before the previous sweep,
   * or, in the first sweep of this node, before the newest app record in the chain; everything
   * when the chain holds none.
   */
  static Instant since(Instant now, Instant previousSweep, Instant newestChainedRecord) {
    Instant from = previousSweep != null ? previousSweep : newestChainedRecord;
    if (from == null) {
      return Instant.EPOCH;
    }
    return (from.isBefore(now) ? from : now).minus(WINDOW);
  }

  /** Runs the sweep every stdflow.audit.sweep.interval (default 5 minutes) unless stdflow.audit.sweep.enabled=false. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @org.springframework.scheduling.annotation.EnableScheduling
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "stdflow.audit.sweep.enabled",
      havingValue = "true", matchIfMissing = true)
  static class Scheduling implements org.springframework.scheduling.annotation.SchedulingConfigurer {
    private final AuditSweep sweep;
    private final Duration interval;

    Scheduling(AuditSweep sweep,
        @org.springframework.beans.factory.annotation.Value("${stdflow.audit.sweep.interval:5m}") Duration interval) {
      this.sweep = sweep;
      this.interval = interval;
    }

    @Override
    public void configureTasks(org.springframework.scheduling.config.ScheduledTaskRegistrar registrar) {
      // the first sweep soon after start: it chains what a stop left behind (and a new installation's demo register)
      Duration first = interval.compareTo(FIRST_SWEEP_DELAY) < 0 ? interval : FIRST_SWEEP_DELAY;
      registrar.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(sweep::scheduled, interval,
          first));
    }
  }
}
