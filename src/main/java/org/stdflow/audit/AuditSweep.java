package org.stdflow.audit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains app records written outside engine steps (uploads from the document page, mails of the
 * notice dispatcher) every few minutes, so they do not wait for the next step of their run.
 * Safe on several nodes: the append takes the chain-head lock and skips records already chained.
 */
@Component
class AuditSweep {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSweep.class);
  /** Records older than this when first seen (e.g. from before the audit trail existed) are left alone. */
  static final Duration WINDOW = Duration.ofDays(7);

  private final AuditChain chain;
  private final AppRecords records;
  private final Directory directory;
  private final Clock clock;
  private final TransactionTemplate transactions;

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
    Integer n = transactions.execute(s -> chain.append(java.util.List.of(),
        jdbc -> records.sweep(jdbc, clock.instant().minus(WINDOW), directory.sectionCache())));
    return n == null ? 0 : n;
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
      registrar.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(sweep::scheduled, interval,
          interval));
    }
  }
}
